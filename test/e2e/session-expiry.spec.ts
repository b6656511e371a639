import { disposeAll, moveTicket, openTicket, sessions } from './portal-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { apiSession, demo, demoPassword, signIn } from './support/session';

test('a session that ends while typing: the sign-in dialog keeps the draft and sends it once signed in', async ({
  page,
  baseURL,
}) => {
  test.slow(); // two sign-ins, a password change and a reply
  const base = baseURL ?? '';
  const all = await sessions(base);
  const subject = `Relevé bancaire non importé ${Date.now()}`;
  const ticket = await openTicket(all.customer, subject);
  await moveTicket(all.agent, ticket.id, 'waiting_customer');
  await disposeAll(all);

  await signIn(page, demo.customer);
  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  const header = page.locator('.mantine-AppShell-header');
  await expect(header.getByTestId('user-name')).not.toHaveText('Déconnecté');

  // The server closes the browser's session: a password change closes every other session.
  const elsewhere = await apiSession(base, demo.customer);
  const changed = await elsewhere.send('POST', '/api/profile/password', {
    currentPassword: demoPassword,
    newPassword: demoPassword,
  });
  expect(changed.status(), await changed.text()).toBe(200);
  await elsewhere.dispose();

  const reply = 'Le relevé du 30 novembre est joint à la demande.';
  await page.getByRole('textbox', { name: 'Votre message' }).fill(reply);
  await page.getByRole('button', { name: 'Envoyer la réponse' }).click();

  const dialog = page.getByRole('dialog', { name: 'Votre session a pris fin' });
  await expect(dialog).toBeVisible();
  // The header says the page is signed out, and offers to sign in.
  await expect(header.getByTestId('user-name')).toHaveText('Déconnecté');
  await expect(header.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expect(header.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0);
  // The draft is still in the page, behind the dialog.
  await expect(page.getByRole('textbox', { name: 'Votre message' })).toHaveValue(reply);
  await expect(page.locator('.mantine-Modal-content')).toHaveCSS('opacity', '1');
  await expectAccessible(page, 'session-expired-dialog');

  await dialog.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('pas le bon mot de passe');
  await dialog.getByRole('button', { name: 'Se connecter' }).click();
  await expect(dialog.getByTestId('form-alert')).toContainText('incorrect');
  await dialog.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(demoPassword);
  await dialog.getByRole('button', { name: 'Se connecter' }).click();

  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('timeline').getByText(reply)).toBeVisible();
  await expect(page.getByText('En cours', { exact: true }).first()).toBeVisible();
  await expect(header.getByTestId('user-name')).not.toHaveText('Déconnecté');
  await expect(header.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();

  // The reply was posted once.
  await page.reload();
  await expect(page.getByTestId('timeline').getByText(reply)).toBeVisible();
  await expect(page.getByTestId('timeline').getByText(reply)).toHaveCount(1);
});

test('dismissing the dialog leaves the page signed out, with a way to sign in from the header', async ({
  page,
  baseURL,
}) => {
  const base = baseURL ?? '';
  await signIn(page, demo.customer);
  await page.goto('/tickets/new');
  await expect(page.getByRole('textbox', { name: 'Sujet' })).toBeVisible();
  const elsewhere = await apiSession(base, demo.customer);
  await elsewhere.send('POST', '/api/profile/password', {
    currentPassword: demoPassword,
    newPassword: demoPassword,
  });
  await elsewhere.dispose();

  // Any request now meets the end of the session: the profile page's data, for one.
  await page.getByRole('textbox', { name: 'Sujet' }).fill('Lettrage automatique bloqué');
  await page.getByRole('navigation').getByRole('link', { name: 'Profil' }).click();
  const dialog = page.getByRole('dialog', { name: 'Votre session a pris fin' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Plus tard' }).click();
  await expect(dialog).toHaveCount(0);
  const header = page.locator('.mantine-AppShell-header');
  await expect(header.getByTestId('user-name')).toHaveText('Déconnecté');
  await header.getByRole('button', { name: 'Se connecter' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(demoPassword);
  await dialog.getByRole('button', { name: 'Se connecter' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(header.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Vos coordonnées' })).toBeVisible();
});

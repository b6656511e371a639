import { expectAccessible } from './support/axe';
import { expect, type Page, test } from './support/csp';
import { closeDialogWithEscape, openDialog } from './support/dialogs';
import { screenshots } from './support/screenshots';
import { demo, signIn } from './support/session';

/** Each page: no serious or critical axe violation, and a screenshot at desktop and phone widths. */
async function check(page: Page, name: string) {
  await expectAccessible(page, name);
  await screenshots(page, name);
}

test('public pages are accessible', async ({ page }) => {
  test.slow(); // the first pages of the run: a cold server, and each page scanned and photographed at two widths
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await check(page, 'login');

  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible();
  await check(page, 'login-errors');

  await page.goto('/request-account');
  await expect(page.getByRole('heading', { level: 1, name: 'Demander un compte' })).toBeVisible();
  await check(page, 'request-account');

  await page.goto('/forgot-password');
  await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeVisible();
  await check(page, 'forgot-password');

  await page.goto('/set-password?token=expired');
  await expect(page.getByRole('heading', { level: 1, name: 'Lien expiré ou déjà utilisé' })).toBeVisible();
  await check(page, 'set-password-expired');

  await page.goto('/nowhere');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await check(page, 'not-found');
});

test('customer pages are accessible', async ({ page }) => {
  await signIn(page, demo.customer);
  await check(page, 'home-customer');

  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 2, name: 'Vos coordonnées' })).toBeVisible();
  await check(page, 'profile');
});

test('staff pages are accessible', async ({ page, request }) => {
  // A dozen staff pages, each scanned by axe: more than a minute on a busy machine.
  test.slow();
  await request.get('/api/session');
  const csrf = (await request.storageState()).cookies.find((c) => c.name === 'guichet_csrf')?.value ?? '';
  const stamp = Date.now();
  const name = `Axe Essai ${stamp}`;
  const created = await request.post('/api/account-requests', {
    data: { name, email: `axe.${stamp}@acme.demo`, companyName: 'Acme', message: 'Bonjour' },
    headers: { 'x-csrf-token': csrf },
  });
  expect(created.status()).toBe(201);

  await signIn(page, demo.agent);
  await check(page, 'home-agent');

  await page.goto('/account-requests');
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await check(page, 'account-requests');

  const approve = await openDialog(
    page,
    page.getByRole('button', { name: `Approuver la demande de ${name}` }),
  );
  await expect(approve.getByRole('combobox', { name: 'Entreprise' })).toBeEnabled();
  await check(page, 'account-requests-approve');
  await closeDialogWithEscape(page);

  await openDialog(page, page.getByRole('button', { name: `Refuser la demande de ${name}` }));
  await check(page, 'account-requests-refuse');
});

test('the navigation opens from the menu button on a phone and works with the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, demo.manager);
  const menu = page.getByRole('button', { name: 'Ouvrir le menu' });
  await menu.focus();
  await page.keyboard.press('Enter');
  const link = page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Demandes de compte' });
  await expect(link).toBeVisible();
  await screenshots(page, 'navigation-open');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Demandes de compte' })).toBeVisible();
});

test('on a phone, signing out is in the menu', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, demo.customer);
  await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('button', { name: 'Se déconnecter' })
    .click();
  await expect(page).toHaveURL(/\/login$/);
});

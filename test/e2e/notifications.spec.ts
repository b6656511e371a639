import { customerSession, customerTicket, json } from './staff-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { apiSession, demo, signIn } from './support/session';

test('the bell counts notices live, lists them with links, and marks them read', async ({
  page,
  baseURL,
}) => {
  test.slow();
  const base = baseURL ?? '';
  const agentApi = await apiSession(base, demo.agent);
  const { user: agentUser } = await json<{ user: { id: string } }>(
    await agentApi.context.get('/api/session'),
  );
  await json(await agentApi.send('POST', '/api/notifications/read', {}));
  const admin = await apiSession(base, demo.admin);
  const customer = await customerSession(base);
  const ticket = await customerTicket(customer, `Bell ${Date.now()}`);

  // The console is open and listening before anything happens.
  const streaming = page.waitForResponse((r) => r.url().endsWith('/api/live/tickets'));
  await signIn(page, demo.agent);
  await streaming;
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications : 0 non lue');

  // Assigned by an admin, then a customer reply: the count rises without a reload.
  await json(await admin.send('POST', `/api/tickets/${ticket.id}/assign`, { assigneeId: agentUser.id }));
  await expect(bell).toHaveAccessibleName('Notifications : 1 non lue');
  await json(
    await customer.send('POST', `/api/tickets/${ticket.id}/messages`, { body: 'Voici le journal demandé.' }),
    201,
  );
  await expect(bell).toHaveAccessibleName('Notifications : 2 non lues');
  await expect(page.getByTestId('notification-count')).toContainText('2');

  await bell.click();
  const panel = page.getByRole('region', { name: 'Notifications' });
  const notices = panel.getByTestId('notification');
  await expect(notices.first()).toContainText('Claire Dubois a répondu');
  await expect(notices.first()).toContainText(ticket.key);
  await expect(notices.first()).toContainText('Voici le journal demandé.');
  await expect(notices.nth(1)).toContainText('vous a attribué la demande');
  await expectAccessible(page, 'the notification panel');
  await screenshots(page, 'notification-panel');

  // Following a notice opens its ticket and marks that one read.
  await notices.first().click();
  await expect(page).toHaveURL(new RegExp(`/staff/tickets/${ticket.id}$`));
  await expect(bell).toHaveAccessibleName('Notifications : 1 non lue');
  await bell.click();
  await panel.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await expect(bell).toHaveAccessibleName('Notifications : 0 non lue');
  await expect(panel.getByTestId('notification').first()).toHaveAttribute('data-read', 'true');

  await Promise.all([agentApi.dispose(), admin.dispose(), customer.dispose()]);
});

test('each person chooses how they hear of things on their profile', async ({ page, baseURL }) => {
  await signIn(page, demo.consultant);
  await page.goto('/profile#notifications');
  const prefs = page.getByRole('region', { name: 'Notifications' });
  const mention = prefs.getByRole('switch', { name: /quand on me mentionne/ });
  await expect(mention).toBeChecked();
  await mention.uncheck();
  await prefs.getByRole('button', { name: 'Enregistrer les préférences' }).click();
  await expect(page.getByText('Vos préférences de notification sont enregistrées.')).toBeVisible();
  await expectAccessible(page, 'the notification preferences');
  await screenshots(page, 'notification-preferences');
  await page.reload();
  await expect(prefs.getByRole('switch', { name: /quand on me mentionne/ })).not.toBeChecked();
  // With the digest, no mail per notice: the switches per kind are disabled.
  await prefs.getByRole('switch', { name: /Un résumé par jour/ }).check();
  await expect(prefs.getByRole('switch', { name: /quand une demande m’est attribuée/ })).toBeDisabled();

  const customer = await apiSession(baseURL ?? '', demo.customer);
  const customerContext = await page.context().browser()?.newContext({ locale: 'fr-CH' });
  if (!customerContext) throw new Error('no browser');
  const page2 = await customerContext.newPage();
  await signIn(page2, demo.customer);
  await page2.goto('/profile');
  const statusMails = page2.getByRole('radiogroup', { name: 'E-mails de changement de statut' });
  await statusMails.getByRole('radio', { name: /Seulement quand la demande attend ma réponse/ }).check();
  await page2.getByRole('button', { name: 'Enregistrer les préférences' }).click();
  await expect(page2.getByText('Vos préférences de notification sont enregistrées.')).toBeVisible();
  await expectAccessible(page2, 'the customer’s notification preferences');
  const stored = await json<{ statusMails: string }>(
    await customer.context.get('/api/profile/notifications'),
  );
  expect(stored.statusMails).toBe('waiting_and_closed');
  await customer.send('PUT', '/api/profile/notifications', { ...stored, statusMails: 'every_change' });
  await customer.dispose();
  await customerContext.close();
  const consultant = await apiSession(baseURL ?? '', demo.consultant);
  const mine = await json<{ mail: Record<string, boolean> }>(
    await consultant.context.get('/api/profile/notifications'),
  );
  await consultant.send('PUT', '/api/profile/notifications', {
    ...mine,
    mail: { ...mine.mail, mention: true },
    digest: false,
  });
  await consultant.dispose();
});

import { formatDate, formatDuration, zurichDateOf } from '../../src/i18n/format';
import { companyOf, creditFlex, disposeAll, json, openTicket, sessions } from './portal-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { demo, signIn } from './support/session';

test('time logged on a Solva Flex request shows on the Flex page as pending, with its request', async ({
  page,
  baseURL,
}) => {
  const all = await sessions(baseURL ?? '');
  await creditFlex(all.admin, await companyOf(all.customer), 10);
  const subject = `Nouveau champ sur le bon de livraison ${Date.now()}`;
  const ticket = await openTicket(all.customer, subject, { type: 'solva_flex' });
  const today = zurichDateOf(new Date());
  for (const minutes of [45, 30]) {
    await json(
      await all.agent.send('POST', `/api/tickets/${ticket.id}/time`, { workDate: today, minutes }),
      201,
    );
  }
  await disposeAll(all);

  await signIn(page, demo.customer);
  await page.goto('/flex');
  const pending = page.getByRole('region', { name: 'En attente de facturation' });
  const row = pending.getByRole('row').filter({ hasText: ticket.key });
  await expect(row.getByRole('link', { name: `${ticket.key} · ${subject}` })).toBeVisible();
  await expect(row).toContainText(formatDuration(75, 'fr'));
  await expect(row).toContainText(formatDate(today, 'fr'));
  await expect(pending.getByTestId('flex-pending-total')).toContainText('pas encore déduit du solde');
  await expectAccessible(page, 'the Flex page with pending time');

  await row.getByRole('link', { name: `${ticket.key} · ${subject}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
});

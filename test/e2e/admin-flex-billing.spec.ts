import { zurichDateOf } from '../../src/i18n/format';
import { companyIdOf, customerSession, customerTicket, json } from './staff-helpers';
import { expect, test } from './support/csp';
import { apiSession, demo, signIn } from './support/session';

const balanceMinutes = async (admin: Awaited<ReturnType<typeof apiSession>>, companyId: string) =>
  (await json<{ balanceMinutes: number }>(await admin.context.get(`/api/flex?companyId=${companyId}`)))
    .balanceMinutes;

test('an admin tops up a Flex balance, previews and commits a billing run, and sees the balance change', async ({
  page,
  baseURL,
}) => {
  const customer = await customerSession(baseURL ?? '');
  const agent = await apiSession(baseURL ?? '', demo.agent);
  const adminApi = await apiSession(baseURL ?? '', demo.admin);
  const companyId = await companyIdOf(customer);

  await signIn(page, demo.admin);
  await page.goto(`/admin/companies/${companyId}`);
  const balance = page.getByTestId('flex-balance');
  await expect(balance).toBeVisible();
  const before = await balanceMinutes(adminApi, companyId);
  await page.getByRole('textbox', { name: 'Credit (hours)' }).fill('10');
  await page.getByLabel('Reason').first().fill('Top-up E2E');
  await page.getByRole('button', { name: 'Credit', exact: true }).click();
  await expect.poll(() => balanceMinutes(adminApi, companyId)).toBe(before + 600);
  await expect(page.getByRole('cell', { name: 'Top-up E2E' }).first()).toBeVisible();

  // Time on a Solva Flex ticket, then the billing run debits it.
  const ticket = await customerTicket(customer, `Évolution Flex facturée ${Date.now()}`, {
    type: 'solva_flex',
  });
  const today = zurichDateOf(new Date());
  await json(
    await agent.send('POST', `/api/tickets/${ticket.id}/time`, { workDate: today, minutes: 90 }),
    201,
  );
  const topped = await balanceMinutes(adminApi, companyId);

  await page.goto('/admin/billing');
  // The page starts on the month just finished; this run bills the month so far.
  await page.getByRole('button', { name: 'Since the start of the month' }).click();
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('billing-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('cell', { name: 'Acme Industries SA' })).toBeVisible();
  await page.getByRole('button', { name: 'Commit the billing run' }).click();
  await expect(page.getByText('Billing run committed.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download the CSV' }).first()).toBeVisible();

  const after = await balanceMinutes(adminApi, companyId);
  expect(after).toBeLessThanOrEqual(topped - 90);
  await page.goto(`/admin/companies/${companyId}`);
  const hours = Math.floor(Math.abs(after) / 60);
  await expect(page.getByTestId('flex-balance')).toContainText(`${hours} h`);
  await page.getByRole('button', { name: 'Show the statement' }).click();
  await expect(page.getByText(/Opening balance .*, closing balance/)).toBeVisible();
  await expect(page.getByRole('cell', { name: new RegExp(ticket.key) }).first()).toBeVisible();
  await Promise.all([customer.dispose(), agent.dispose(), adminApi.dispose()]);
});

test('an admin changes an SLA target and the due time in the queue changes', async ({ page, baseURL }) => {
  const customer = await customerSession(baseURL ?? '');
  const adminApi = await apiSession(baseURL ?? '', demo.admin);
  const original = await json<{
    targets: Record<string, { engagementMinutes: number; resolutionMinutes: number }>;
  }>(await adminApi.context.get('/api/admin/sla/targets'));
  const ticket = await customerTicket(customer, `Échéance recalculée ${Date.now()}`, {
    criticality: 'critique',
  });

  await signIn(page, demo.admin);
  await page.goto('/queues/toQualify');
  const row = page.locator(`tr[data-ticket-key="${ticket.key}"]`);
  const due = row.getByTestId('queue-due');
  await expect(due).not.toHaveText('—');
  const before = await due.textContent();

  await page.goto('/admin/sla');
  const engagement = page.getByRole('textbox', { name: 'Engagement, Critical, in hours' });
  const current = (original.targets.critique?.engagementMinutes ?? 60) / 60;
  await engagement.fill(String(current + 3));
  await page.getByRole('button', { name: 'Save targets' }).click();
  await expect(page.getByText(/Targets saved/)).toBeVisible();

  await page.goto('/queues/toQualify');
  await expect(row.getByTestId('queue-due')).not.toHaveText(before ?? '');

  await json(await adminApi.send('PUT', '/api/admin/sla/targets', { targets: original.targets }));
  await Promise.all([customer.dispose(), adminApi.dispose()]);
});

test('a billing run beyond the Flex balance warns, shows the overdraft in red, and the customer sees the negative balance', async ({
  page,
  baseURL,
}) => {
  const customer = await customerSession(baseURL ?? '');
  const agent = await apiSession(baseURL ?? '', demo.agent);
  const adminApi = await apiSession(baseURL ?? '', demo.admin);
  const companyId = await companyIdOf(customer);
  const original = await balanceMinutes(adminApi, companyId);
  // The ticket is opened while the balance is positive (R3), then the balance is brought to 30 min.
  const ticket = await customerTicket(customer, `Évolution au-delà du solde ${Date.now()}`, {
    type: 'solva_flex',
  });
  await json(
    await adminApi.send('POST', `/api/companies/${companyId}/flex/adjustments`, {
      minutes: 30 - original,
      reason: 'E2E: solde réduit à 30 min',
    }),
    201,
  );
  const today = zurichDateOf(new Date());
  await json(
    await agent.send('POST', `/api/tickets/${ticket.id}/time`, { workDate: today, minutes: 90 }),
    201,
  );

  await signIn(page, demo.admin);
  await page.goto('/admin/billing');
  // The page starts on the month just finished; this run bills the month so far.
  await page.getByRole('button', { name: 'Since the start of the month' }).click();
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('billing-preview');
  await expect(preview.getByTestId('billing-overdraft-warning')).toContainText('Acme Industries SA');
  const acme = preview.getByRole('row', { name: /Acme Industries SA/ });
  const after = acme.getByTestId('billing-balance-after');
  // Durations as the formatting module writes them in English: "1 h", "1 h 30 min".
  await expect(after).toContainText(/^−\d+ h( \d+ min)? \(overdrawn by \d+ h( \d+ min)?\)$/);
  const colour = await after.evaluate((cell) => getComputedStyle(cell).color);
  const [red = 0, green = 0, blue = 0] = (colour.match(/\d+/g) ?? []).map(Number);
  expect(red).toBeGreaterThan(150);
  expect(red).toBeGreaterThan(2 * Math.max(green, blue));
  await page.getByRole('button', { name: 'Commit the billing run' }).click();
  await expect(page.getByText('Billing run committed.')).toBeVisible();
  const overdrawn = await balanceMinutes(adminApi, companyId);
  expect(overdrawn).toBeLessThanOrEqual(-60);

  await page.context().clearCookies();
  await signIn(page, demo.customer);
  await page.goto('/flex');
  await expect(page.getByTestId('flex-balance')).toHaveText(/^−\d+ h( \d{2})?$/); // "−1 h", "−1 h 30"
  await expect(page.getByTestId('flex-overdrawn')).toContainText('Solde dépassé de');

  // Back to the balance the demo had, for the tests that follow.
  await json(
    await adminApi.send('POST', `/api/companies/${companyId}/flex/adjustments`, {
      minutes: original - overdrawn,
      reason: 'E2E: solde rétabli',
    }),
    201,
  );
  await Promise.all([customer.dispose(), agent.dispose(), adminApi.dispose()]);
});

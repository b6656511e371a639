import { companyOf, disposeAll, json, moveTicket, openTicket, sessions } from './portal-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { screenshots } from './support/screenshots';
import { apiSession, demo, signIn } from './support/session';

type Targets = Record<string, { engagementMinutes: number; resolutionMinutes: number }>;

test('our commitments: the contract override in the page and the form, an admin change on reload', async ({
  page,
  baseURL,
}) => {
  // Screenshots at two widths and an accessibility scan on a shared, busy machine.
  test.setTimeout(180_000);
  const all = await sessions(baseURL ?? '');
  const companyId = await companyOf(all.customer);
  const contracts = await json<{ items: { id: string; kind: string }[] }>(
    await all.admin.context.get(`/api/companies/${companyId}/contracts`),
  );
  const maintenance = contracts.items.find((c) => c.kind === 'maintenance');
  const overrideUrl = `/api/admin/contracts/${maintenance?.id}/sla-override`;
  const before = await json<{ targets: Targets }>(await all.admin.context.get('/api/admin/sla/targets'));
  // The company's contract: Haute taken in charge within 2 h instead of 4 h.
  await json(await all.admin.send('PUT', overrideUrl, { targets: { haute: { engagementMinutes: 120 } } }));
  try {
    await signIn(page, demo.customer);
    await page.getByTestId('commitments-link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nos engagements' })).toBeVisible();
    const haute = page.getByTestId('commitment-haute');
    await expect(haute).toContainText('2 h ouvrées');
    await expect(haute).toContainText('24 h ouvrées');
    await expect(haute).toContainText('délai de votre contrat');
    await expect(page.getByTestId('commitment-basse')).toContainText('16 h ouvrées');
    await expect(page.getByTestId('desk-hours')).toContainText('08:00–12:00, 13:30–17:00');
    await expect(
      page.getByText("La veille d'un jour férié, le support ferme à 16:00.", { exact: false }),
    ).toBeVisible();
    await expect(page.getByTestId('closed-days')).toContainText('Noël');
    await expect(page.getByText('Attente client').first()).toBeVisible();
    await expectAccessible(page, 'our commitments');
    await screenshots(page, 'commitments');

    // The same delays beside each criticality in the new-ticket form.
    await page.goto('/tickets/new');
    await page.getByRole('radio', { name: 'Assistance' }).click();
    await expect(
      page.getByText('prise en charge sous 2 h ouvrées, résolution sous 24 h ouvrées'),
    ).toBeVisible();
    await expect(
      page.getByText('prise en charge sous 16 h ouvrées, résolution sous 160 h ouvrées'),
    ).toBeVisible();
    await expect(page.getByTestId('commitments-link')).toBeVisible();
    await screenshots(page, 'new-ticket-delays');

    // An administrator changes a global target: the page shows it on reload.
    const targets = { ...before.targets, basse: { engagementMinutes: 1200, resolutionMinutes: 9600 } };
    await json(await all.admin.send('PUT', '/api/admin/sla/targets', { targets }));
    await page.goto('/commitments');
    await expect(page.getByTestId('commitment-basse')).toContainText('20 h ouvrées');
    await expect(page.getByTestId('commitment-haute')).toContainText('2 h ouvrées');
  } finally {
    await json(await all.admin.send('PUT', '/api/admin/sla/targets', { targets: before.targets }));
    await json(await all.admin.send('DELETE', overrideUrl));
    await disposeAll(all);
  }
});

test('a due time opens into its explanation, printable, for the customer and for staff', async ({
  page,
  baseURL,
}) => {
  const all = await sessions(baseURL ?? '');
  const ticket = await openTicket(all.customer, 'Explication du délai');
  await moveTicket(all.agent, ticket.id, 'waiting_customer');
  await disposeAll(all);

  await signIn(page, demo.customer);
  await page.goto(`/tickets/${ticket.id}`);
  await page.getByText('Résolution — Pourquoi cette échéance ?').click();
  const explanation = page.getByTestId('explain-resolution').getByTestId('sla-explanation');
  await expect(explanation).toContainText('Criticité Moyenne : objectif 80 h ouvrées');
  // Waiting since its creation: the timeline from now on is a forecast, through the desk's hours.
  await expect(explanation).toContainText('support fermé');
  await expect(explanation).toContainText('Ouverture + objectif 80 h ouvrées');
  await expectAccessible(page, 'ticket with its explanation open');
  await page.getByTestId('explain-resolution').getByRole('link', { name: 'Version imprimable' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Explication des délais de la demande' }),
  ).toBeVisible();
  await expect(page.getByTestId('sla-explanation').first()).toContainText('Échéance');
  await expectAccessible(page, 'printable explanation');
  await screenshots(page, 'sla-explanation');
});

for (const [language, title] of [
  ['fr', 'Rapport SLA mensuel'],
  ['de', 'Monatlicher SLA-Bericht'],
  ['en', 'Monthly SLA report'],
] as const) {
  test(`the monthly SLA report of a company, in ${language}`, async ({ page, baseURL }) => {
    const all = await sessions(baseURL ?? '');
    const manager = await apiSession(baseURL ?? '', demo.manager);
    const companyId = await companyOf(manager);
    const month = new Date().toISOString().slice(0, 7);
    const read = async () =>
      json<{ tickets: number; rows: { criticality: string; tickets: number }[] }>(
        await all.admin.context.get(`/api/sla/monthly-report?month=${month}&companyId=${companyId}`),
      );
    const before = await read();
    // Two more Moyenne tickets this month: the report counts them.
    await openTicket(all.customer, `Rapport ${language} 1`);
    await openTicket(all.customer, `Rapport ${language} 2`);
    const moyenneBefore = before.rows.find((row) => row.criticality === 'moyenne')?.tickets ?? 0;
    await json(await manager.send('PATCH', '/api/profile', { language }));
    try {
      await signIn(page, demo.manager);
      await page.goto(`/sla-report?month=${month}`);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByTestId('report-tickets')).toContainText(String(before.tickets + 2));
      await expect(page.getByTestId('report-row-moyenne').locator('td').first()).toHaveText(
        String(moyenneBefore + 2),
      );
      await expectAccessible(page, `monthly report (${language})`);
      await screenshots(page, `sla-report-${language}`);
    } finally {
      await json(await manager.send('PATCH', '/api/profile', { language: 'fr' }));
      await manager.dispose();
      await disposeAll(all);
    }
  });
}

import type { Page } from '@playwright/test';
import { zurichDateOf } from '../../src/i18n/format';
import { companyOf, disposeAll, json, moveTicket, openTicket, sessions } from './portal-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { linkFromMail } from './support/mails';
import { screenshots } from './support/screenshots';
import { type ApiSession, apiSession, demo, signIn } from './support/session';

type Targets = Record<string, { engagementMinutes: number; resolutionMinutes: number }>;

/** A Wednesday at least six weeks ahead that is no fixed-date public holiday: a day an admin may close. */
function wednesdayAhead(): string {
  const fixedHolidays = new Set(['01-01', '01-02', '05-01', '08-01', '12-25', '12-26']);
  const day = new Date(Date.now() + 42 * 86_400_000);
  day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7));
  while (fixedHolidays.has(day.toISOString().slice(5, 10))) day.setUTCDate(day.getUTCDate() + 7);
  return day.toISOString().slice(0, 10);
}

test('our commitments: the contract override in the page and the form, an admin change on reload', async ({
  page,
  browser,
  baseURL,
}) => {
  // Two people, screenshots at two widths and an accessibility scan on a shared, busy machine.
  test.setTimeout(240_000);
  const all = await sessions(baseURL ?? '');
  const companyId = await companyOf(all.customer);
  const contracts = await json<{ items: { id: string; kind: string }[] }>(
    await all.admin.context.get(`/api/companies/${companyId}/contracts`),
  );
  const maintenance = contracts.items.find((c) => c.kind === 'maintenance');
  const overrideUrl = `/api/admin/contracts/${maintenance?.id}/sla-override`;
  const before = await json<{ targets: Targets }>(await all.admin.context.get('/api/admin/sla/targets'));
  const calendar = await json<{ config: Record<string, unknown> }>(
    await all.admin.context.get('/api/admin/calendar'),
  );
  const adminContext = await browser.newContext({ baseURL, locale: 'fr-CH' });
  // The company's contract: Haute taken in charge within 2 h instead of 4 h.
  await json(await all.admin.send('PUT', overrideUrl, { targets: { haute: { engagementMinutes: 120 } } }));
  try {
    await signIn(page, demo.customer);
    // Reached from the escalation matrix and from the help article on criticality …
    for (const from of ['/escalation', '/help/choisir-la-criticite']) {
      await page.goto(from);
      await page.getByTestId('commitments-link').click();
      await expect(page).toHaveURL(/\/commitments$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Nos engagements' })).toBeVisible();
    }
    // … and from the home page.
    await page.goto('/');
    await page.getByTestId('commitments-link').first().click();
    await expect(page).toHaveURL(/\/commitments$/);
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
    const delaysOf = (criticality: string) =>
      page.getByRole('radio', { name: criticality, exact: true }).getByTestId('criticality-delays');
    await expect(delaysOf('Haute')).toHaveText(
      'prise en charge sous 2 h ouvrées, résolution sous 24 h ouvrées',
    );
    await expect(delaysOf('Critique')).toHaveText(
      'prise en charge sous 1 h ouvrée, résolution sous 8 h ouvrées',
    );
    await expect(delaysOf('Basse')).toHaveText(
      'prise en charge sous 16 h ouvrées, résolution sous 160 h ouvrées',
    );
    await expect(page.getByTestId('commitments-link')).toBeVisible();
    await screenshots(page, 'new-ticket-delays');

    // An administrator changes a global target and closes a day, on the SLA administration page …
    await page.goto('/commitments');
    await expect(page.getByTestId('commitment-basse')).toContainText('16 h ouvrées');
    const closedDay = wednesdayAhead();
    const admin = await adminContext.newPage();
    await signIn(admin, demo.admin);
    await admin.goto('/admin/sla');
    await admin.getByRole('textbox', { name: 'Engagement, Low, in hours' }).fill('20');
    await admin.getByRole('button', { name: 'Save targets' }).click();
    await expect(admin.getByText(/Targets saved/)).toBeVisible();
    await admin.getByLabel('Extra closed day').fill(closedDay);
    await admin.getByRole('textbox', { name: 'Label', exact: true }).fill('Inventaire annuel');
    await admin.getByRole('button', { name: 'Add the closed day' }).click();
    await expect(admin.getByText('Calendar saved.')).toBeVisible();
    // … and the customer's page shows both on reload; the contract's own target stays.
    await page.reload();
    await expect(page.getByTestId('commitment-basse')).toContainText('20 h ouvrées');
    await expect(page.getByTestId('commitment-haute')).toContainText('2 h ouvrées');
    await expect(page.getByTestId('closed-days')).toContainText('Inventaire annuel');
    await page.goto('/tickets/new');
    await page.getByRole('radio', { name: 'Assistance' }).click();
    await expect(delaysOf('Basse')).toHaveText(
      'prise en charge sous 20 h ouvrées, résolution sous 160 h ouvrées',
    );
  } finally {
    await json(await all.admin.send('PUT', '/api/admin/sla/targets', { targets: before.targets }));
    await json(await all.admin.send('PUT', '/api/admin/calendar', calendar.config));
    await json(await all.admin.send('DELETE', overrideUrl));
    await adminContext.close();
    await disposeAll(all);
  }
});

test('a due time opens into its explanation, printable, for the customer and for staff', async ({
  page,
  baseURL,
}) => {
  // Two people, screenshots at two widths and three accessibility scans on a shared, busy machine.
  test.setTimeout(240_000);
  const all = await sessions(baseURL ?? '');
  const ticket = await openTicket(all.customer, 'Explication du délai');
  await moveTicket(all.agent, ticket.id, 'waiting_customer');
  // A pause still running moves the due time with every minute read, so the two sides could read
  // different minutes. Resumed in the next clock minute, the pause counts one minute and the due
  // time stands still while both sides read it.
  await new Promise((resolve) => setTimeout(resolve, 61_000 - (Date.now() % 60_000)));
  await json(await all.agent.send('POST', `/api/tickets/${ticket.id}/status`, { status: 'in_progress' }));
  await disposeAll(all);

  await signIn(page, demo.customer);
  await page.goto(`/tickets/${ticket.id}`);
  await page.getByText('Résolution — Pourquoi cette échéance ?').click();
  const explanation = page.getByTestId('explain-resolution').getByTestId('sla-explanation');
  await expect(explanation).toContainText('Criticité Moyenne : objectif 80 h ouvrées');
  // Paused a minute while waiting: the timeline from now on is a forecast, through the desk's hours.
  await expect(explanation).toContainText('suspendu (Attente client)');
  await expect(explanation).toContainText('support fermé');
  await expect(explanation).toContainText('Ouverture + objectif 80 h ouvrées');
  const due = (await explanation.getByText(/^Échéance : /).textContent()) ?? '';
  expect(due).toMatch(/^Échéance : .+\d{2}:\d{2}/);
  // The engagement was met when the agent took the ticket: no due time left to explain to the customer.
  await expect(page.getByTestId('explain-engagement')).toHaveCount(0);
  await expectAccessible(page, 'ticket with its explanation open');
  await screenshots(page, 'sla-explanation-customer');
  await page.getByTestId('explain-resolution').getByRole('link', { name: 'Version imprimable' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Explication des délais de la demande' }),
  ).toBeVisible();
  await expect(page.getByTestId('sla-explanation').first()).toContainText(due);
  await expectAccessible(page, 'printable explanation');
  await screenshots(page, 'sla-explanation');

  // The agent reads the same due time, explained by the same timeline, and the ended engagement too.
  await page.context().clearCookies();
  await signIn(page, demo.agent);
  await page.goto(`/staff/tickets/${ticket.id}`);
  await page.getByText('Résolution — Pourquoi cette échéance ?').click();
  const staffExplanation = page.getByTestId('explain-resolution').getByTestId('sla-explanation');
  await expect(staffExplanation).toContainText(due);
  await expect(staffExplanation).toContainText('suspendu (Attente client)');
  await page.getByText('Prise en charge — Pourquoi cette échéance ?').click();
  const engagement = page.getByTestId('explain-engagement').getByTestId('sla-explanation');
  await expect(engagement).toContainText('Criticité Moyenne : objectif 8 h ouvrées');
  await expect(engagement).toContainText('Fin du délai');
  await expectAccessible(page, 'staff ticket with its explanation open');
  await screenshots(page, 'sla-explanation-staff');
});

/** The Zurich month before the current one, as the demo seed lived it (demo-sla-month.ts). */
function lastMonth(): string {
  const [year, month] = zurichDateOf(new Date()).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/**
 * The cells of a criticality's row: requests, taken in charge in time / late, resolved in time / late,
 * ongoing, handed to Consulting.
 */
const cells = (page: Page, criticality: string) =>
  page.getByTestId(`report-row-${criticality}`).locator('td');

const words = {
  fr: {
    commitments: 'Nos engagements',
    critiqueResolution: '8 h ouvrées',
    lateEngagement: 'Criticité Critique : objectif 1 h ouvrée',
    lateResolution: 'Criticité Haute : objectif 24 h ouvrées',
    waited: 'suspendu (Attente client)',
    title: 'Rapport SLA mensuel',
    company: 'Société',
    month: 'Mois',
    send: 'Envoyer aux responsables',
    sent: 'Rapport envoyé à',
    subject: 'Rapport SLA',
  },
  de: {
    commitments: 'Unsere Zusagen',
    critiqueResolution: '8 Arbeitsstunden',
    lateEngagement: 'Kritikalität Kritisch: Ziel 1 Arbeitsstunde',
    lateResolution: 'Kritikalität Hoch: Ziel 24 Arbeitsstunden',
    waited: 'ruht (Warten auf Kunde)',
    title: 'Monatlicher SLA-Bericht',
    company: 'Firma',
    month: 'Monat',
    send: 'An die Verantwortlichen senden',
    sent: 'Bericht gesendet an',
    subject: 'SLA-Bericht',
  },
  en: {
    commitments: 'Our commitments',
    critiqueResolution: '8 business hours',
    lateEngagement: 'Criticality Critical: target 1 business hour',
    lateResolution: 'Criticality High: target 24 business hours',
    waited: 'paused (Waiting for customer)',
    title: 'Monthly SLA report',
    company: 'Company',
    month: 'Month',
    send: 'Send to the managers',
    sent: 'Report sent to',
    subject: 'SLA report',
  },
} as const;

/** The subjects of the mails kept for `recipient`, read from the admin mail viewer. */
async function subjectsFor(admin: ApiSession, recipient: string): Promise<string[]> {
  const list = await json<{ items: { subject: string }[] }>(
    await admin.context.get(`/api/admin/mails?recipient=${encodeURIComponent(recipient)}`),
  );
  return list.items.map((mail) => mail.subject);
}

for (const language of ['fr', 'de', 'en'] as const) {
  const { commitments, critiqueResolution, title, company, month, send, sent, subject } = words[language];
  const { lateEngagement, lateResolution, waited } = words[language];
  test(`last month's SLA report of the demo company, in ${language}: read by its manager, sent by staff`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const manager = await apiSession(baseURL ?? '', demo.manager);
    const agent = await apiSession(baseURL ?? '', demo.agent);
    const admin = await apiSession(baseURL ?? '', demo.admin);
    await json(await manager.send('PATCH', '/api/profile', { language }));
    await json(await agent.send('PATCH', '/api/profile', { language }));
    try {
      // The manager reads our commitments in their language …
      await signIn(page, demo.manager);
      await page.getByTestId('commitments-link').first().click();
      await expect(page.getByRole('heading', { level: 1, name: commitments })).toBeVisible();
      await expect(page.getByTestId('commitment-critique')).toContainText(critiqueResolution);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expectAccessible(page, `our commitments (${language})`);
      // … and finds the report on the home page; the seed's month: two Critique requests
      // (one taken in charge late), one Haute resolved late after a wait for the customer.
      await page.goto('/');
      await page.getByTestId('sla-report-link').click();
      await expect(page).toHaveURL(/\/sla-report$/);
      await page.goto(`/sla-report?month=${lastMonth()}`);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByTestId('report-company')).toContainText('Acme Industries SA');
      await expect(page.getByTestId('report-tickets')).toContainText('3');
      await expect(cells(page, 'critique')).toHaveText(['2', '1', '1', '2', '0', '0', '0']);
      await expect(cells(page, 'haute')).toHaveText(['1', '1', '0', '0', '1', '0', '0']);
      await expect(cells(page, 'moyenne')).toHaveText(['0', '0', '0', '0', '0', '0', '0']);
      // Each breach explained in the reader's language: the late engagement, then the late resolution
      // with its wait for the customer.
      const explained = page.getByTestId('sla-explanation');
      await expect(explained).toHaveCount(2);
      await expect(explained.nth(0)).toContainText(lateEngagement);
      await expect(explained.nth(1)).toContainText(lateResolution);
      await expect(explained.nth(1)).toContainText(waited);
      await expect(page.getByText('Paiements fournisseurs rejetés par la banque')).toBeVisible();
      await expect(page.getByText('Rapprochement bancaire incomplet')).toBeVisible();
      await expectAccessible(page, `monthly report (${language})`);
      await screenshots(page, `sla-report-${language}`);

      // Staff open it from the dashboard, choose the company and mail it to the managers.
      await page.context().clearCookies();
      await signIn(page, demo.agent);
      await page.goto('/dashboard');
      await page.getByTestId('sla-report-link').click();
      await page.getByRole('combobox', { name: company }).click();
      await page.getByRole('option', { name: 'Acme Industries SA' }).click();
      await page.getByLabel(month, { exact: true }).fill(lastMonth());
      await expect(cells(page, 'critique')).toHaveText(['2', '1', '1', '2', '0', '0', '0']);
      await expectAccessible(page, `monthly report for staff (${language})`);
      await page.getByRole('button', { name: send }).click();
      await expect(page.getByRole('status').filter({ hasText: sent })).toContainText(demo.manager);
      // The manager's mail, in the manager's language, links to the report of that month.
      await expect
        .poll(() => subjectsFor(admin, demo.manager))
        .toContainEqual(expect.stringContaining(subject));
      const link = await linkFromMail(admin, demo.manager, `/sla-report?month=${lastMonth()}`);
      expect(new URL(link).pathname).toBe('/sla-report');
    } finally {
      await json(await manager.send('PATCH', '/api/profile', { language: 'fr' }));
      await json(await agent.send('PATCH', '/api/profile', { language: 'fr' }));
      await Promise.all([manager.dispose(), agent.dispose(), admin.dispose()]);
    }
  });
}

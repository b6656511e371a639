import type { Page } from '@playwright/test';
import { disposeAll, json, moveTicket, openTicket, sessions } from './portal-helpers';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/csp';
import { linkFromMail } from './support/mails';
import { screenshots } from './support/screenshots';
import { type ApiSession, demo, signIn } from './support/session';

const customerName = 'Claire Dubois';
const agentName = 'Anne Agent';

interface Satisfaction {
  id: string | null;
  name: string | null;
  answers: number;
  averageScore: number;
}
type Figures = { byAgent: Satisfaction[]; byCompany: Satisfaction[] };

/** A ticket of the demo customer, taken and closed by the demo agent. */
async function closedTicket(all: Awaited<ReturnType<typeof sessions>>, subject: string) {
  const ticket = await openTicket(all.customer, `${subject} ${Date.now()}`);
  await moveTicket(all.agent, ticket.id, 'closed');
  return ticket;
}

/** The 30-day figures of the dashboard's agent and company, as the API gives them. */
async function figures(agent: ApiSession, companyName: string) {
  const satisfaction = await json<Figures>(await agent.context.get('/api/dashboard/satisfaction?days=30'));
  const of = (rows: Satisfaction[], name: string) =>
    rows.find((r) => r.name === name) ?? { answers: 0, averageScore: 0 };
  return { agent: of(satisfaction.byAgent, agentName), company: of(satisfaction.byCompany, companyName) };
}

/** The figures after one more answer of `score`, as the dashboard's table writes them in French. */
function withAnswer(before: { answers: number; averageScore: number }, score: number) {
  const answers = before.answers + 1;
  const mean = (before.averageScore * before.answers + score) / answers;
  return [String(answers), mean.toLocaleString('fr', { maximumFractionDigits: 2 })];
}

const timelineSentence = (name: string, score: number) =>
  `${name} a évalué le traitement de la demande : ${score} sur 5`;

async function answer(page: Page, score: string, comment: string) {
  await page.getByRole('radio', { name: score }).check();
  await page.getByLabel('Commentaire (facultatif)').fill(comment);
  await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
}

test('the closing mail link opens the survey without signing in; it is answered once', async ({
  page,
  baseURL,
}) => {
  test.slow(); // two survey pages, two widths of screenshots and an accessibility scan
  const all = await sessions(baseURL ?? '');
  const ticket = await closedTicket(all, 'Enquête depuis le courriel');
  const link = await linkFromMail(all.admin, demo.customer, '/survey/', ticket.key);
  await disposeAll(all);
  const { pathname } = new URL(link);

  // Nobody is signed in in this browser: the token in the link is the key.
  await page.goto(pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Enquête de satisfaction' })).toBeVisible();
  await expect(page.getByText(ticket.key, { exact: false })).toBeVisible();
  await expect(page.getByRole('radio', { name: '4 — Satisfait' })).toBeVisible();
  await expectAccessible(page, 'the survey page');
  await screenshots(page, 'survey-link');

  // The same link left open in another tab, to answer a second time after the first answer.
  const stale = await page.context().newPage();
  await stale.goto(pathname);
  await expect(stale.getByRole('radio', { name: '1 — Pas du tout satisfait' })).toBeVisible();

  await answer(page, '4 — Satisfait', 'Réponse rapide et claire');
  await expect(page.getByText('Merci ! Votre note : 4 sur 5.')).toBeVisible();
  await expect(page.getByText('Réponse rapide et claire')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Envoyer mon avis' })).toHaveCount(0);
  await screenshots(page, 'survey-link-answered');

  await answer(stale, '1 — Pas du tout satisfait', 'Finalement non');
  await expect(stale.getByRole('alert')).toContainText(
    'Cette enquête de satisfaction a déjà reçu une réponse : une seule réponse est possible par demande.',
  );
  await stale.close();

  // Opening the link again shows the answer kept, without a form.
  await page.goto(pathname);
  await expect(page.getByText('Merci ! Votre note : 4 sur 5.')).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);

  // The answer reads in the ticket's timeline for the customer who gave it.
  await signIn(page, demo.customer);
  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.getByText(timelineSentence(customerName, 4))).toBeVisible();
  await expect(page.getByText('Commentaire : Réponse rapide et claire')).toBeVisible();
});

test('a closed ticket is rated from the portal; the score is in both timelines and on the dashboard', async ({
  page,
  baseURL,
}) => {
  test.slow(); // the customer's and the agent's pages, the dashboard, scans and screenshots
  const all = await sessions(baseURL ?? '');
  const ticket = await closedTicket(all, 'Enquête depuis le portail');
  const shown = await json<{ ticket: { company: { name: string } } }>(
    await all.agent.context.get(`/api/tickets/${ticket.id}`),
  );
  const companyName = shown.ticket.company.name;
  const before = await figures(all.agent, companyName);
  await disposeAll(all);

  await signIn(page, demo.customer);
  await page.goto(`/tickets/${ticket.id}`);
  const survey = page.getByRole('region', { name: 'Enquête de satisfaction' });
  await expect(survey.getByRole('radio', { name: '5 — Très satisfait' })).toBeVisible();
  await expectAccessible(page, 'the closed ticket with its survey');
  await screenshots(page, 'survey-closed-ticket');

  await answer(page, '5 — Très satisfait', 'Merci pour la patience');
  await expect(survey).toContainText('Merci ! Votre note : 5 sur 5.');
  await expect(page.getByText(timelineSentence(customerName, 5))).toBeVisible();
  await expect(page.getByText('Commentaire : Merci pour la patience')).toBeVisible();
  await expectAccessible(page, 'the closed ticket with its answered survey');

  // The agent sees the same sentence in the ticket's timeline, and the score on the dashboard.
  await page.context().clearCookies();
  await signIn(page, demo.agent);
  await page.goto(`/staff/tickets/${ticket.id}`);
  await expect(page.getByText(timelineSentence(customerName, 5))).toBeVisible();
  await expect(page.getByText('Commentaire : Merci pour la patience')).toBeVisible();

  await page.goto('/dashboard');
  const satisfaction = page.getByRole('region', { name: 'Satisfaction des demandeurs' });
  await expect(satisfaction.getByRole('radio', { name: '30 derniers jours' })).toBeChecked();
  const rowOf = (table: string, name: string) =>
    satisfaction.getByRole('table', { name: table }).getByRole('row').filter({ hasText: name });
  await expect(rowOf('Satisfaction par agent', agentName)).toContainText(
    [agentName, ...withAnswer(before.agent, 5)].join(''),
  );
  await expect(rowOf('Satisfaction par société', companyName)).toContainText(
    [companyName, ...withAnswer(before.company, 5)].join(''),
  );
  await expect(rowOf('Satisfaction par guichet', 'Demandes au support')).toBeVisible();
  await expect(
    satisfaction.getByRole('table', { name: 'Satisfaction par criticité' }).getByRole('row'),
  ).not.toHaveCount(1);
  await expect(rowOf('Derniers commentaires', ticket.key)).toContainText('5 sur 5');
  await expect(rowOf('Derniers commentaires', ticket.key)).toContainText('Merci pour la patience');
  await satisfaction.getByRole('radio', { name: '90 derniers jours' }).check();
  await expect(satisfaction.getByRole('radio', { name: '90 derniers jours' })).toBeChecked();
  await expect(rowOf('Derniers commentaires', ticket.key)).toBeVisible();
  await expectAccessible(
    page,
    'the dashboard with its satisfaction per desk, criticality, agent and company',
  );
  await screenshots(page, 'survey-dashboard');
});

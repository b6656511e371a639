import { companyOf, disposeAll, moveTicket, openTicket, portalScene, sessions } from './portal-helpers';
import { expect, type Page, test } from './support/csp';
import { openDrawn } from './support/drawn';
import { demo, signIn } from './support/session';

/** Nothing wider than the screen, and no badge cut short ("EN PAU…"). */
async function fitsTheScreen(page: Page, path: string) {
  await openDrawn(page, path);
  const sizes = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    cutBadges: [...document.querySelectorAll<HTMLElement>('.mantine-Badge-label')]
      .filter((label) => label.scrollWidth > label.clientWidth + 1)
      .map((label) => label.textContent),
  }));
  expect(sizes.scroll, `${path} scrolls sideways`).toBeLessThanOrEqual(sizes.client);
  expect(sizes.cutBadges, `${path} cuts a badge`).toEqual([]);
}

test('on a 390×844 phone no portal page scrolls sideways; the ticket list is a list of cards', async ({
  page,
  baseURL,
}) => {
  test.slow(); // every portal page
  const { waiting, closed } = await portalScene(baseURL ?? '', {
    project: 'Projet mobile',
    waiting: 'Numérotation des factures fournisseurs décalée',
  });

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, demo.customer);
  for (const path of [
    '/',
    '/tickets',
    '/tickets/new',
    '/requests/new',
    `/tickets/${waiting.id}`,
    `/tickets/${closed.id}`,
    '/escalation',
    '/commitments',
    '/sla-report',
    '/help',
    '/help/utiliser-ce-portail',
    '/flex',
    '/profile',
  ])
    await fitsTheScreen(page, path);

  // The list: one card per ticket, key on one line, status beside it.
  await page.goto('/tickets');
  const cards = page.getByTestId('tickets-cards');
  await expect(cards).toBeVisible();
  await expect(page.getByTestId('tickets-table')).toHaveCount(0);
  const card = cards.getByRole('listitem').filter({ hasText: 'Numérotation des factures' }).first();
  await expect(card.getByText('Attente client', { exact: true })).toBeVisible();
  const key = card.getByRole('link').first();
  const box = await key.boundingBox();
  const line = await key.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 24);
  expect(box?.height ?? 0).toBeLessThanOrEqual(line * 1.2);

  // On a laptop the same list is a table.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId('tickets-table')).toBeVisible();
});

test('on a 390×844 phone no staff page scrolls sideways: queues, ticket workspace, dashboard, administration', async ({
  page,
  baseURL,
}) => {
  test.slow(); // every console and administration page
  const all = await sessions(baseURL ?? '');
  const companyId = await companyOf(all.customer);
  const ticket = await openTicket(
    all.customer,
    `Rapprochement bancaire des écritures de clôture annuelle ${Date.now()}`,
  );
  await moveTicket(all.agent, ticket.id, 'waiting_customer');
  await disposeAll(all);

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, demo.admin);
  for (const path of [
    '/queues',
    '/queues/mine',
    '/queues/waitingCustomer',
    `/staff/tickets/${ticket.id}`,
    '/dashboard',
    '/staff/canned-answers',
    '/admin/companies',
    `/admin/companies/${companyId}`,
    '/admin/sla',
    '/admin/settings',
    '/admin/content',
    '/admin/mails',
    '/admin/billing',
    '/admin/answers',
    '/admin/tokens',
  ])
    await fitsTheScreen(page, path);
});

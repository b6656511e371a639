import { disposeAll, openTicket, sessions } from './portal-helpers';
import { expect, type Page, test } from './support/csp';
import { demo, signIn } from './support/session';

/**
 * Watches the page's main area from the first byte: `window.__loaderSeen` turns true if a loading
 * indicator (spinner or "Chargement…") ever shows inside it, and `window.__firstSeen[title]` keeps
 * what the main area held when a page titled `title` first appeared.
 */
async function watchMainArea(page: Page) {
  await page.addInitScript(() => {
    const state = window as unknown as { __loaderSeen: boolean; __firstSeen: Record<string, string> };
    state.__loaderSeen = false;
    state.__firstSeen = {};
    new MutationObserver(() => {
      const main = document.querySelector('main');
      if (!main) return;
      if (main.querySelector('[aria-label="Chargement…"]') || main.textContent?.includes('Chargement…')) {
        state.__loaderSeen = true;
      }
      const title = main.querySelector('h1')?.textContent;
      if (title && !(title in state.__firstSeen)) state.__firstSeen[title] = main.textContent ?? '';
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

/** Holds back the page's requests for matching files until the returned function is called. */
async function holdBack(page: Page, files: RegExp): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(files, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const seen = (page: Page, title: string) =>
  page.evaluate((title) => {
    const state = window as unknown as { __loaderSeen: boolean; __firstSeen: Record<string, string> };
    return { loaderSeen: state.__loaderSeen, firstHeading: state.__firstSeen[title] ?? '' };
  }, title);

test('a ticket page appears once, complete: its data loads alongside its code, no spinner inside', async ({
  page,
  baseURL,
}) => {
  const all = await sessions(baseURL ?? '');
  const subject = `Écran des stocks vide ${Date.now()}`;
  const ticket = await openTicket(all.customer, subject);
  await all.customer.send('POST', `/api/tickets/${ticket.id}/messages`, {
    body: 'Capture jointe plus tard.',
  });
  await disposeAll(all);

  await signIn(page, demo.customer);
  await watchMainArea(page);

  // Opened directly (a link in a mail): one render with the status, the commitment and the history.
  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(page.getByTestId('timeline').getByText('Capture jointe plus tard.')).toBeVisible();
  let state = await seen(page, subject);
  expect(state.loaderSeen).toBe(false);
  expect(state.firstHeading).toContain('Capture jointe plus tard.');
  expect(state.firstHeading).toContain('Notre engagement');

  // Reached from the list: the list stays until the ticket is ready, then the ticket shows whole.
  await page.goto('/tickets');
  const link = page.getByRole('link', { name: ticket.key }).first();
  await expect(link).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { __loaderSeen: boolean }).__loaderSeen = false;
  });
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  state = await seen(page, subject);
  expect(state.loaderSeen).toBe(false);
  expect(state.firstHeading).toContain('Capture jointe plus tard.');
});

test('a queue appears once with its tickets, and a long one shows every row after its first screenful', async ({
  page,
  baseURL,
}) => {
  const all = await sessions(baseURL ?? '');
  // More tickets to qualify than the first screenful the queue renders at once.
  const stamp = Date.now();
  for (let n = 0; n < 14; n += 1) await openTicket(all.customer, `Étiquettes mal imprimées ${stamp} n°${n}`);
  const listed = (await (
    await all.agent.context.get('/api/tickets?status=open&sort=engagementDueAt&order=asc&limit=50')
  ).json()) as { items: unknown[] };
  await disposeAll(all);
  expect(listed.items.length).toBeGreaterThan(12);

  await watchMainArea(page);
  await signIn(page, demo.agent);
  await page.goto('/queues');
  const rows = page.getByTestId('queue-table').locator('tbody tr');
  await expect(rows).toHaveCount(listed.items.length);
  const { loaderSeen, firstHeading } = await seen(page, 'Files de tickets');
  expect(loaderSeen).toBe(false);
  // Its first render already held tickets: the list came with the page's code.
  expect(firstHeading).toMatch(/[A-Z]{2,}-\d+/);
});

test("the sign-in page's heading, a ticket's subject, the home's greeting and the queue's heading show with the frame, before the code runs", async ({
  page,
  browser,
  baseURL,
}) => {
  const all = await sessions(baseURL ?? '');
  const subject = `Inventaire bloqué au dépôt ${Date.now()}`;
  const ticket = await openTicket(all.customer, subject);
  await disposeAll(all);

  // The app's code is held back until the frame has been looked at.
  const holdCode = (on: Page) => holdBack(on, /\/assets\/app-[\w-]+\.js$/);

  // A visitor's sign-in page names itself from the first paint too.
  let release = await holdCode(page);
  await page.goto('/login');
  await expect(page.locator('#first-heading')).toHaveText('Connexion');
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.locator('#first-heading')).toHaveCount(0);

  await signIn(page, demo.customer);
  release = await holdCode(page);
  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.locator('#first-heading')).toHaveText(subject);
  await expect(page.locator('#first-kicker')).toHaveText(ticket.key);
  release();
  // The page takes over: its own heading, the frame's gone.
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(page.locator('#first-heading')).toHaveCount(0);

  // The home page greets the person by name from the first paint.
  release = await holdCode(page);
  await page.goto('/');
  await expect(page.locator('#first-heading')).toHaveText('Bienvenue, Claire Dubois');
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue, Claire Dubois' })).toBeVisible();

  const staff = await browser.newPage({ baseURL });
  await signIn(staff, demo.agent);
  release = await holdCode(staff);
  await staff.goto('/queues');
  await expect(staff.locator('#first-heading')).toHaveText('Files de tickets');
  release();
  await expect(staff.getByRole('heading', { level: 1, name: 'Files de tickets' })).toBeVisible();
  await expect(staff.locator('#first-heading')).toHaveCount(0);
  await staff.close();
});

test('built assets come compressed and cached for good; the page itself is revalidated', async ({ page }) => {
  const html = await page.request.get('/', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  expect(html.headers()['cache-control']).toBe('no-cache');
  // The largest script the page loads (the entry itself may be a few hundred bytes, sent as is),
  // among those it links and the first screen's code it names.
  const body = await html.text();
  const scripts = [
    ...[...body.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? ''),
    ...(/data-code="([^"]*)"/.exec(body)?.[1]?.split(' ') ?? []),
  ];
  const sizes = await Promise.all(
    scripts.map(async (url) => (await (await page.request.get(url)).body()).length),
  );
  const script = scripts[sizes.indexOf(Math.max(...sizes))];
  expect(script).toBeTruthy();
  for (const [accepted, sent] of [
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
  ] as const) {
    const response = await page.request.get(script ?? '', { headers: { 'accept-encoding': accepted } });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-encoding']).toBe(sent);
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  }
});

test('the frame paints before the code runs; code that cannot load is retried once, then explained', async ({
  page,
}) => {
  let pageLoads = 0;
  page.on('request', (request) => {
    if (request.resourceType() === 'document') pageLoads += 1;
  });
  await page.route(/\/assets\/app-[\w-]+\.js$/, (route) => route.abort('connectionfailed'));
  await page.goto('/login');
  await expect(page.getByRole('alert')).toHaveText(
    "La page n'a pas pu se charger. Vérifiez votre connexion, puis rechargez-la.",
  );
  // The page reloaded once by itself before saying so; the frame stayed on screen throughout.
  expect(pageLoads).toBe(2);
  await expect(page.getByText('Guichet', { exact: true })).toBeVisible();

  await page.unroute(/\/assets\/app-[\w-]+\.js$/);
  await page.getByRole('button', { name: 'Recharger la page' }).click();
  await expect(page.getByLabel('Adresse e-mail')).toBeVisible();
});

test("a ticket's reply form is built as the reader nears it, or once the page is quiet; a dialog joins the page when it opens", async ({
  page,
  baseURL,
}) => {
  const all = await sessions(baseURL ?? '');
  const subject = `Relevé bancaire illisible ${Date.now()}`;
  const ticket = await openTicket(all.customer, subject);
  for (const day of ['lundi', 'mardi', 'mercredi', 'jeudi']) {
    await all.customer.send('POST', `/api/tickets/${ticket.id}/messages`, {
      body: `Le relevé de ${day} est illisible lui aussi : les colonnes se chevauchent et les montants sont tronqués.`,
    });
  }
  await disposeAll(all);

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, demo.customer);
  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  const message = page.getByRole('textbox', { name: 'Votre message' });
  // The first screen holds the status and the history; the form waits a screen below.
  await expect(message).toHaveCount(0);
  // No dialog in the page before one opens.
  await expect(page.locator('.mantine-Modal-root')).toHaveCount(0);

  await page.mouse.wheel(0, 5000);
  await message.fill('Le relevé de vendredi est correct.');
  await page.getByRole('button', { name: 'Fermer la demande' }).click();
  const dialog = page.getByRole('dialog', { name: `Fermer la demande ${ticket.key} ?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await expect(message).toHaveValue('Le relevé de vendredi est correct.');

  // A reader who does not scroll (a screen reader, say) finds it too, once the page is quiet.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(message).toHaveCount(0);
  await expect(message).toHaveCount(1, { timeout: 10_000 });
});

test('a first screen comes with the one stylesheet of the portal, and no other is added as it builds', async ({
  page,
  baseURL,
}) => {
  const all = await sessions(baseURL ?? '');
  const ticket = await openTicket(all.customer, `Styles ${Date.now()}`);
  await disposeAll(all);
  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'stylesheet') requested.push(new URL(request.url()).pathname);
  });
  await signIn(page, demo.customer);
  for (const path of ['/', `/tickets/${ticket.id}`]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await page.mouse.wheel(0, 5000);
    await page.waitForLoadState('networkidle');
    const sheets = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href')),
    );
    expect(sheets, path).toHaveLength(1);
  }
  expect(new Set(requested).size).toBe(1);
});

test("a first screen's styles and data come first; its code is asked for once the frame is painted", async ({
  page,
  baseURL,
}) => {
  const all = await sessions(baseURL ?? '');
  const subject = `Code après le cadre ${Date.now()}`;
  const ticket = await openTicket(all.customer, subject);
  await disposeAll(all);
  await signIn(page, demo.customer);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  // The stylesheet is held back: until it comes, the browser cannot paint the frame.
  const release = await holdBack(page, /\/assets\/[\w-]+\.css$/);
  const shown = page.goto(`/tickets/${ticket.id}`);
  await expect.poll(() => requested.includes(`/api/tickets/${ticket.id}`)).toBe(true);
  const named = (await page.locator('#root').getAttribute('data-code'))?.split(' ') ?? [];
  expect(named.some((file) => /\/TicketPage-[\w-]+\.js$/.test(file))).toBe(true);
  expect(requested.filter((path) => named.includes(path))).toEqual([]);

  release();
  await shown;
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  const asked = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel="modulepreload"]')].map(
      (link) => new URL(link.getAttribute('href') ?? '', location.href).pathname,
    ),
  );
  expect(asked).toEqual(expect.arrayContaining(named));
});

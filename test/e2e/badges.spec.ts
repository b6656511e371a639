import type { APIRequestContext } from '@playwright/test';
import { disposeAll, moveTicket, openTicket, sessions } from './portal-helpers';
import { expect, type Page, test } from './support/csp';
import { openDrawn } from './support/drawn';
import { demo, signIn } from './support/session';

const languages = ['fr', 'de', 'en'] as const;
const widths = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Sets the signed-in browser's language on its account (what the header's language menu does). */
async function chooseLanguage(request: APIRequestContext, page: Page, language: string) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'guichet_csrf')?.value ?? '';
  const answer = await request.put('/api/session/language', {
    data: { language },
    headers: { 'x-csrf-token': csrf },
  });
  expect(answer.status(), await answer.text()).toBe(200);
}

/** Every badge on the page shows its whole text: none is cut to "EN PAU…" or "RESPEC…". */
async function badgesWhole(page: Page, path: string, what: string) {
  await openDrawn(page, path);
  await expect(page.locator('.mantine-Badge-root:visible').first()).toBeVisible();
  const badges = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-Badge-root')]
      .filter((badge) => badge.offsetParent !== null)
      .map((badge) => {
        const label = badge.querySelector<HTMLElement>('.mantine-Badge-label') ?? badge;
        return {
          text: badge.textContent ?? '',
          cut:
            badge.scrollWidth > badge.clientWidth + 1 ||
            label.scrollWidth > label.clientWidth + 1 ||
            label.scrollHeight > label.clientHeight + 1,
        };
      }),
  );
  expect(badges.length, `${what}: badges shown`).toBeGreaterThan(0);
  expect(
    badges.filter((b) => b.cut).map((b) => b.text),
    `${what}: badges cut short`,
  ).toEqual([]);
}

for (const language of languages) {
  test(`no badge is cut short on the ticket lists and ticket pages (${language}), on a desktop and a phone`, async ({
    browser,
    baseURL,
  }) => {
    test.slow(); // four pages at two widths, for a customer and an agent
    const all = await sessions(baseURL ?? '');
    // A running clock, a paused one (waiting for the customer) and a closed ticket: every SLA badge.
    const running = await openTicket(all.customer, `Badge décompte ${Date.now()}`, {
      criticality: 'critique',
    });
    const paused = await openTicket(all.customer, `Badge en pause ${Date.now()}`);
    await moveTicket(all.agent, paused.id, 'waiting_customer');
    const closed = await openTicket(all.customer, `Badge respecté ${Date.now()}`);
    await moveTicket(all.agent, closed.id, 'closed');
    await disposeAll(all);

    const people = [
      {
        email: demo.customer,
        pages: ['/tickets', `/tickets/${running.id}`, `/tickets/${paused.id}`, `/tickets/${closed.id}`],
      },
      {
        email: demo.agent,
        pages: ['/queues', `/staff/tickets/${running.id}`, `/staff/tickets/${paused.id}`],
      },
    ];
    for (const person of people) {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await signIn(page, person.email);
      const own = await (await context.request.get('/api/session')).json();
      try {
        await chooseLanguage(context.request, page, language);
        for (const size of widths) {
          await page.setViewportSize({ width: size.width, height: size.height });
          for (const path of person.pages) {
            await badgesWhole(page, path, `${path} (${language}, ${size.name})`);
          }
        }
      } finally {
        await chooseLanguage(context.request, page, own.user?.language ?? 'fr');
        await context.close();
      }
    }
  });
}

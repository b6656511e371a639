import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Scope, type VoiceLanguage, voiceProblems } from '../support/voice';
import { portalScene } from './portal-helpers';
import { expect, type Page, test } from './support/csp';
import { openDrawn } from './support/drawn';
import { apiSession, demo, signIn } from './support/session';

/**
 * Issue "one voice": every portal, staff and administration page is read in French, German and
 * English, and its visible text is checked as the mails are (test/support/voice.ts): dates only
 * as the formatting module writes them, plurals that agree with their count, no untranslated key,
 * and the glossary's terms (customer pages are checked with the customer's words).
 */

const languages: VoiceLanguage[] = ['fr', 'de', 'en'];

/** Every key of the web client's French tables, as a missing translation would show it. */
function knownKeys(): Set<string> {
  const dir = join(import.meta.dirname, '../../web/src/i18n');
  const keys = new Set<string>();
  const walk = (tree: unknown, prefix: string) => {
    if (typeof tree !== 'object' || tree === null) return;
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') {
        // Single words ("common.yes") would also match ordinary prose; keys have a dot and a part.
        if (path.includes('.')) keys.add(path.replace(/_(?:zero|one|two|few|many|other)$/, ''));
      } else walk(value, path);
    }
  };
  for (const file of readdirSync(dir).filter((f) => /(^|\.)fr\.json$/.test(f)))
    walk(JSON.parse(readFileSync(join(dir, file), 'utf8')), '');
  return keys;
}

/** Waits for the page to be drawn (heading, no request in flight, no spinner) and reads its text. */
async function visibleText(page: Page, path: string): Promise<string> {
  await openDrawn(page, path);
  // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point, hidden text is not read.
  return page.locator('body').innerText();
}

type Visit = { who: string; scope: Scope; paths: string[] };

test('every page speaks with one voice in French, German and English', async ({ page, baseURL }) => {
  test.setTimeout(600_000); // some thirty pages, each read in three languages
  const base = baseURL ?? '';
  const { companyId, waiting, closed } = await portalScene(base, {
    project: 'Projet de voix',
    waiting: 'Écran des commandes lent',
  });

  const help = [
    'utiliser-ce-portail',
    'choisir-la-criticite',
    'support-ou-consulting',
    'joindre-un-fichier-journal',
  ];
  const visits: Visit[] = [
    {
      who: demo.customer,
      scope: 'customer',
      paths: [
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
        ...help.map((slug) => `/help/${slug}`),
        '/flex',
        '/profile',
      ],
    },
    {
      who: demo.agent,
      scope: 'staff',
      paths: [
        '/queues/toQualify',
        '/queues/mine',
        '/queues/waitingCustomer',
        '/queues/all',
        `/staff/tickets/${waiting.id}`,
        '/dashboard',
        '/staff/canned-answers',
        '/account-requests',
      ],
    },
    {
      who: demo.admin,
      scope: 'staff',
      paths: [
        '/admin/companies',
        `/admin/companies/${companyId}`,
        '/admin/sla',
        '/admin/settings',
        '/admin/content',
        '/admin/mails',
        '/admin/billing',
        '/admin/answers',
        '/admin/tokens',
      ],
    },
  ];
  const keys = knownKeys();
  const problems: string[] = [];
  const check = (language: VoiceLanguage, scope: Scope, path: string, text: string) => {
    for (const problem of voiceProblems(text, language, scope, keys))
      problems.push(`${language} ${path}: ${problem}`);
  };

  for (const language of languages) {
    await page.context().clearCookies();
    await page.context().addCookies([{ name: 'guichet_lang', value: language, url: base }]);
    for (const path of ['/login', '/request-account', '/forgot-password'])
      check(language, 'customer', path, await visibleText(page, path));

    for (const visit of visits) {
      const api = await apiSession(base, visit.who);
      const before = await api.context.get('/api/session');
      const own = ((await before.json()) as { user: { language: string } }).user.language;
      await api.send('PUT', '/api/session/language', { language });
      try {
        await page.context().clearCookies();
        await signIn(page, visit.who);
        for (const path of visit.paths) check(language, visit.scope, path, await visibleText(page, path));
      } finally {
        // The demo accounts keep their own language for the other tests.
        await api.send('PUT', '/api/session/language', { language: own });
        await api.dispose();
      }
    }
  }
  expect(problems).toEqual([]);
});

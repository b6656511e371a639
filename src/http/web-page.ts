import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../domain/roles';
import type { Language } from '../i18n/language';
import { escapeHtml } from '../rich-text/render';
import { earlyDataOf, earlyDataTag } from './early-data';
import { intlWarmUpTag } from './intl-warm-up';
import { customerTicketPage, type TicketHeading } from './ticket-heading';

/** Who asks for which page: enough to know the language and the code the page will need first. */
export interface PageRequest {
  language: Language;
  path: string;
  role: Role | null;
  /** The signed-in person's name, for a heading that greets them. */
  name: string | null;
  /** The ticket a customer's ticket page is about, named in the frame (ticket-heading.ts). */
  ticket?: TicketHeading | null;
}

type Manifest = Record<
  string,
  { file?: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }
>;

// The app itself and its routes: the page's script starts it once the page's frame is painted
// (web/src/main.tsx), asking for their code and the first screen's together.
const appModules = ['src/app.tsx', 'src/routes.tsx'];

/**
 * The first screens people land on, with the code they load (web/src/routes.tsx) and who sees
 * them: named by the page, that code downloads beside the app's own instead of after it.
 */
const firstScreens: {
  path: RegExp;
  modules: string[];
  shownTo: (role: Role | null) => boolean;
  /** The page's heading, painted with the frame (web/vite.config.ts writes the texts). */
  heading?: string;
  /** A page for visitors not signed in: its heading sits in their narrow centred column. */
  public?: true;
}[] = [
  {
    path: /^\/login$/,
    modules: ['src/pages/LoginPage.tsx'],
    shownTo: (role) => role === null,
    heading: 'login',
    public: true,
  },
  {
    path: /^\/$/,
    modules: ['src/layout/AppLayout.tsx', 'src/pages/portal/PortalHome.tsx'],
    shownTo: (role) => role !== null,
    heading: 'home',
  },
  {
    path: customerTicketPage,
    modules: ['src/layout/AppLayout.tsx', 'src/pages/portal/TicketPage.tsx'],
    shownTo: (role) => role === 'customer',
  },
  {
    path: /^\/queues(\/[\w-]+)?$/,
    modules: ['src/layout/AppLayout.tsx', 'src/pages/staff/QueuePage.tsx'],
    shownTo: (role) => role !== null && role !== 'customer',
    heading: 'queues',
  },
];

/**
 * The single-page app's page, marked with the reader's language. The server already knows it (the
 * visitor's choice, the signed-in person's preference, the browser's languages), so the page says
 * it and names that language's texts beside the app's code: the app never starts in the
 * browser's language to switch once the session has answered, and never loads a second language.
 * A first screen's own code is named the same way.
 */
export function webPage(webDist: string): (request: PageRequest) => string {
  const template = readFileSync(join(webDist, 'index.html'), 'utf8');
  const manifest = readManifest(webDist);
  const headings = readHeadings(webDist);
  const pages = new Map<string, string>();
  return ({ language, path, role, name, ticket }) => {
    const screen = firstScreens.findIndex((s) => s.path.test(path) && s.shownTo(role));
    const key = `${language} ${screen}`;
    const known = pages.get(key) ?? shell(key, language, screen);
    const early = earlyDataOf(path, role);
    // First in the head: the answers are asked for before the code and styles are. A ticket the
    // server has named already needs no naming by its answer.
    const page = known
      .replace(/<head[^>]*>/, (head) => `${head}${earlyDataTag(ticket ? { urls: early.urls } : early)}`)
      .replace('{{name}}', () => escapeHtml(name ?? ''));
    if (!ticket) return page;
    return page
      .replace('<p id="first-kicker"></p>', () => `<p id="first-kicker">${escapeHtml(ticket.key)}</p>`)
      .replace(
        '<div id="first-heading"></div>',
        () => `<div id="first-heading">${escapeHtml(ticket.subject)}</div>`,
      );
  };

  function headingOf(screen: number, language: Language): string {
    const name = firstScreens[screen]?.heading;
    return escapeHtml((name && headings[name]?.[language]) || '');
  }

  function shell(key: string, language: Language, screen: number): string {
    const files = [
      manifest[`src/i18n/${language}.json`]?.file,
      ...codeOf(manifest, [...appModules, ...(firstScreens[screen]?.modules ?? [])], language),
    ].filter((file): file is string => Boolean(file));
    // Code is not needed for the page's first paint (its frame, styles and data are): the page
    // names it, and the entry asks for it, a file a task, once the frame is painted
    // (web/src/first-code.ts), so the code's bytes never hold back the styles or the data.
    const code = files.length > 0 ? ` data-code="${files.map((file) => `/${file}`).join(' ')}"` : '';
    const preload = '<link rel="modulepreload" fetchpriority="low" crossorigin';
    const page = template
      .replace(/<html[^>]*>/, `<html lang="${language}" data-language="${language}">`)
      // Before the styles: the date formats' data loads while they download.
      .replace(/<head[^>]*>/, (head) => `${head}${intlWarmUpTag}`)
      .replaceAll('<link rel="modulepreload" crossorigin', preload)
      .replace('<div id="root"', `<div id="root"${code}`)
      .replace(
        '<div id="first-heading"></div>',
        `<div id="first-heading">${headingOf(screen, language)}</div>`,
      )
      .replace('<div class="first-page"', (frame) =>
        firstScreens[screen]?.public ? '<div class="first-page first-page-public"' : frame,
      );
    pages.set(key, page);
    return page;
  }
}

/**
 * The files of some modules and of everything they import, with the texts in the reader's language
 * they load before showing anything (an area's namespace), less what the page loads anyway.
 */
function codeOf(manifest: Manifest, modules: string[], language: Language): string[] {
  const inPage = reached(
    manifest,
    Object.keys(manifest).filter((key) => manifest[key]?.isEntry),
    language,
  );
  return [...reached(manifest, modules, language)]
    .filter((key) => !inPage.has(key))
    .map((key) => manifest[key]?.file)
    .filter((file): file is string => file?.endsWith('.js') === true);
}

function reached(manifest: Manifest, keys: string[], language: Language): Set<string> {
  const seen = new Set<string>();
  const pending = keys.filter((key) => key in manifest);
  const texts = new RegExp(`^src/i18n/[a-z-]+\\.${language}\\.json$`);
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (seen.has(key)) continue;
    seen.add(key);
    pending.push(...(manifest[key]?.imports ?? []));
    pending.push(...(manifest[key]?.dynamicImports ?? []).filter((next) => texts.test(next)));
  }
  return seen;
}

/** The first screens' headings per language, from the web client's texts (absent in a bare test build). */
function readHeadings(webDist: string): Record<string, Partial<Record<Language, string>>> {
  const path = join(webDist, '.vite', 'first-headings.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
}

/** Vite's build manifest (absent in a bare test build: the page is then only marked). */
function readManifest(webDist: string): Manifest {
  const path = join(webDist, '.vite', 'manifest.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : {};
}

/**
 * The page's stylesheets as a `Link` header, or null when it has none: the browser asks for them as
 * soon as the answer's headers arrive. Otherwise a first screen's early script (early-data.ts) asks
 * for its API answers first, and over HTTP/1.1 those can take all six connections a browser opens
 * to a server, leaving the styles the first paint waits for to come after them.
 */
export function stylesheetLinks(webDist: string): string | null {
  const template = readFileSync(join(webDist, 'index.html'), 'utf8');
  const links = [...template.matchAll(/<link rel="stylesheet"( crossorigin)? href="([^"]+)">/g)].map(
    ([, cors, href]) => `<${href}>; rel=preload; as=style${cors ? '; crossorigin' : ''}`,
  );
  return links.length > 0 ? links.join(', ') : null;
}

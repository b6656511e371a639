/**
 * `npm run bench -- lighthouse [--url http://localhost:3000] [--runs 1]`: Lighthouse on the first
 * screens a person sees — the sign-in page, the portal home, a ticket page and the agent queue —
 * with Lighthouse's mobile profile (simulated slow 4G, mid-range phone), in Debian's Chromium.
 *
 * Without `--url` it builds the web client if needed and starts a server of its own on the embedded
 * database with the demo data (a throw-away data directory). Signed-in pages are audited with the
 * session cookie of a demo account, stored in the browser's cookie jar before each audit (Lighthouse
 * resets a page's storage but keeps cookies); a page that still ends on /login is reported as such. It prints, per page, the performance score (median of the runs),
 * the main timings, and the bytes transferred: everything, and JavaScript alone. `--requests` also
 * lists, per page, each request of the median run with its type and transferred bytes; `--save <dir>`
 * writes each run's Lighthouse report (JSON) and its trace there, to read which metrics and requests cost points.
 * The machine's load average is printed too: on a busy machine Lighthouse's simulated timings grow.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium as playwrightChromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { numberArg, printTable, stringArg } from './lib';
import { compiledProgram } from './server-process';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const demoPassword = 'guichet-demo';
const runs = Math.max(1, numberArg('runs', 1));
const listRequests = process.argv.includes('--requests');
const saveDir = stringArg('save');

interface Audited {
  page: string;
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  /** The address the page ended on: a signed-in page that sent the browser to /login was not measured. */
  shown: string;
  requests: number;
  detail: { url: string; type: string; status: number; bytes: number }[];
  totalBytes: number;
  scriptBytes: number;
}

const server = stringArg('url') ? null : await startServer();
const base = stringArg('url') ?? server?.url ?? '';
const chromium = await startChromium();
const cookieJar = await jarOf(chromium.port);
try {
  const customer = await signIn(base, 'client@acme.demo');
  const agent = await signIn(base, 'agent@guichet.demo');
  const ticketId = await firstTicketOf(base, customer);
  const pages = [
    { page: 'sign-in', path: '/login', cookie: '' },
    { page: 'portal home', path: '/', cookie: customer },
    { page: 'ticket page', path: `/tickets/${ticketId}`, cookie: customer },
    { page: 'agent queue', path: '/queues', cookie: agent },
  ];
  const rows: Audited[] = [];
  const only = stringArg('only');
  for (const target of pages.filter((p) => !only || p.page.includes(only))) {
    const results: Audited[] = [];
    for (let run = 0; run < runs; run += 1) {
      await cookieJar.clearCookies();
      if (target.cookie) await cookieJar.addCookies(cookiesFrom(target.cookie, base));
      results.push(await auditWithRetry(target.page, `${base}${target.path}`, chromium.port));
    }
    results.sort((a, b) => a.score - b.score);
    const median = results[Math.floor(results.length / 2)] as Audited;
    rows.push(median);
    console.log(`${target.page}: scores ${results.map((r) => r.score).join(', ')}, shown ${median.shown}`);
    if (listRequests) {
      for (const r of median.detail) {
        console.log(
          `  ${r.type.padEnd(10)} ${r.status} ${(r.bytes / 1000).toFixed(1).padStart(7)} kB  ${r.url}`,
        );
      }
    }
  }
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const msText = (value: number) => `${Math.round(value)} ms`;
  printTable(
    ['page', 'performance', 'FCP', 'LCP', 'TBT', 'CLS', 'SI', 'requests', 'transferred', 'of which JS'],
    rows.map((r) => [
      r.page,
      String(r.score),
      msText(r.fcp),
      msText(r.lcp),
      msText(r.tbt),
      r.cls.toFixed(3),
      msText(r.si),
      String(r.requests),
      kb(r.totalBytes),
      kb(r.scriptBytes),
    ]),
  );
  const load = loadavg().map((value) => value.toFixed(1));
  console.log(`load average at the end: ${load.join(', ')} (${runs} run(s) per page, median shown)`);
  console.log('goal: performance ≥ 90 on each page; first page ≤ 200 kB of compressed JavaScript');
} finally {
  chromium.process.kill();
  await server?.stop();
}

/** On a busy machine Chromium sometimes loses a trace (NO_NAVSTART): such a run is made again. */
async function auditWithRetry(page: string, url: string, port: number): Promise<Audited> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await audit(page, url, port);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`${page}: run failed (${error instanceof Error ? error.message : error}), again`);
    }
  }
}

async function audit(page: string, url: string, port: number): Promise<Audited> {
  const result = await lighthouse(
    url,
    {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    },
    undefined,
  );
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  if (saveDir) {
    mkdirSync(saveDir, { recursive: true });
    const name = `${page.replace(/\W+/g, '-')}-${Date.now()}.json`;
    writeFileSync(join(saveDir, name), JSON.stringify(lhr));
    // The trace beside it: which tasks Lighthouse simulated, and where, is read from it.
    const trace = result.artifacts.Trace;
    if (trace) writeFileSync(join(saveDir, name.replace(/\.json$/, '.trace.json')), JSON.stringify(trace));
  }
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const details = lhr.audits['network-requests']?.details;
  const requests = (details?.type === 'table' ? details.items : []) as {
    url?: string;
    resourceType?: string;
    transferSize?: number;
    statusCode?: number;
  }[];

  return {
    page,
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: numeric('first-contentful-paint'),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    shown: lhr.finalDisplayedUrl.replace(/^https?:\/\/[^/]+/, ''),
    si: numeric('speed-index'),
    requests: requests.length,
    detail: requests.map((r) => ({
      url: (r.url ?? '').replace(/^https?:\/\/[^/]+/, ''),
      type: r.resourceType ?? '?',
      status: r.statusCode ?? 0,
      bytes: r.transferSize ?? 0,
    })),
    totalBytes: requests.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    scriptBytes: requests
      .filter((r) => r.resourceType === 'Script')
      .reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
  };
}

/** Signs a demo account in through the API and returns its cookies as a Cookie header. */
async function signIn(baseUrl: string, email: string): Promise<string> {
  const first = await fetch(`${baseUrl}/api/session`);
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(first);
  const csrf = [...jar].find(([name]) => name.endsWith('guichet_csrf'))?.[1] ?? '';
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const login = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: header(), 'x-csrf-token': csrf },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!login.ok) throw new Error(`signing in as ${email}: ${login.status} ${await login.text()}`);
  keep(login);
  return header();
}

/** The default cookie jar of the Chromium that Lighthouse drives, reached over the DevTools protocol. */
async function jarOf(port: number): Promise<BrowserContext> {
  const browser = await playwrightChromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default browser context');
  return context;
}

function cookiesFrom(header: string, url: string): { name: string; value: string; url: string }[] {
  return header.split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
  });
}

async function firstTicketOf(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/tickets`, { headers: { cookie } });
  const body = (await response.json()) as { items?: { id: string }[] };
  const id = body.items?.[0]?.id;
  if (!id) throw new Error('the demo customer has no ticket to audit');
  return id;
}

async function startChromium(): Promise<{ process: ChildProcess; port: number }> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'guichet-lighthouse-'));
  const child = spawn(
    chromiumPath,
    [
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  child.on('exit', () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    } catch {
      // Chromium's helper processes may still write to it: a temporary directory is left behind.
    }
  });
  await waitFor(`http://127.0.0.1:${port}/json/version`, 'Chromium');
  return { process: child, port };
}

async function startServer(): Promise<{ url: string; stop(): Promise<void> }> {
  if (!existsSync('web/dist/index.html')) {
    const build = spawnSync(
      'npx',
      ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
      {
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) throw new Error('building the web client failed');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-lighthouse-data-'));
  // The embedded database, whatever the shell's DATABASE_URL says: demo data in a fresh directory.
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  // Node itself, not a wrapper, so stopping it stops the server.
  const child = spawn(process.execPath, await compiledProgram('main'), {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...environment,
      PORT: String(port),
      DATA_DIR: dataDir,
      INBOUND_SMTP_PORT: '0',
      LOG_LEVEL: 'warn',
      // Many page loads from one address: the sign-in limits are not what is measured here.
      RATE_LIMIT_USER_PER_WINDOW: '1000000',
      RATE_LIMIT_COMPANY_PER_WINDOW: '1000000',
    },
  });
  const url = `http://localhost:${port}`;
  await waitFor(`${url}/api/health`, 'the server', 180_000);
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitFor(url: string, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import { earlyDataScriptHash } from '../../src/http/early-data';
import { intlWarmUpPath, intlWarmUpScript, intlWarmUpTag } from '../../src/http/intl-warm-up';
import { type TestApp, testApp } from '../support/app';
import { createCompany, createStaff, openTicket, signedIn } from '../support/factories';

// A built web client as the build leaves it: hashed assets with .br and .gz siblings.
const script = `console.log(${JSON.stringify('guichet '.repeat(400))});`;
const page =
  '<!doctype html><html><head><link rel="stylesheet" crossorigin href="/assets/index-Zz99.css"></head><body><div id="root"><div class="first-page" aria-hidden="true"><p id="first-kicker"></p><div id="first-heading"></div></div></div></body></html>';
let dist: string;
let t: TestApp;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'guichet-dist-'));
  mkdirSync(join(dist, 'assets'));
  const asset = join(dist, 'assets', 'index-Ab12Cd34.js');
  writeFileSync(asset, script);
  writeFileSync(`${asset}.br`, brotliCompressSync(script));
  writeFileSync(`${asset}.gz`, gzipSync(script));
  writeFileSync(join(dist, 'index.html'), page);
  mkdirSync(join(dist, '.vite'));
  const manifest = {
    'index.html': { file: 'assets/index-Ab12Cd34.js', isEntry: true, imports: ['_shared'] },
    _shared: { file: 'assets/shared-Aa11.js' },
    'src/i18n/de.json': { file: 'assets/de-Xy12.js' },
    'src/pages/LoginPage.tsx': { file: 'assets/LoginPage-Qq34.js', imports: ['_shared', '_form'] },
    _form: { file: 'assets/form-Zz56.js' },
  };
  writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  const headings = {
    login: { fr: 'Connexion', de: 'Anmeldung', en: 'Sign in' },
    home: { fr: 'Bienvenue, {{name}}', de: 'Willkommen, {{name}}', en: 'Welcome, {{name}}' },
    queues: { fr: 'Files de tickets', de: 'Ticket-Warteschlangen', en: 'Queues <"&">' },
  };
  writeFileSync(join(dist, '.vite', 'first-headings.json'), JSON.stringify(headings));
  t = await testApp({ webDist: dist });
});

afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  t.app.inject({ url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('built web client', () => {
  it('sends the brotli sibling to a browser that accepts it, cached for a year as immutable', async () => {
    const response = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
    expect(response.rawPayload.length).toBeLessThan(script.length / 10);
  });

  it('sends the gzip sibling when brotli is not accepted, and the plain file when nothing is', async () => {
    const gzipped = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('makes the browser revalidate the page itself, on every path the single-page app owns', async () => {
    for (const url of ['/', '/tickets/12', '/index.html']) {
      const response = await get(url, 'br, gzip');
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="root">');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it("marks the page with the reader's language and names that language's texts as its code", async () => {
    const french = await get('/tickets/12');
    expect(french.body).toBe(
      page
        .replace('<html>', '<html lang="fr" data-language="fr">')
        .replace('<head>', `<head>${intlWarmUpTag}`),
    );
    const german = await t.app.inject({ url: '/', headers: { 'accept-language': 'de-CH, en;q=0.5' } });
    expect(german.body).toContain('<html lang="de" data-language="de">');
    expect(german.body).toContain('<div id="root" data-code="/assets/de-Xy12.js">');
    expect(german.headers['content-type']).toMatch(/^text\/html/);
  });

  it("names a first screen's own code in the page, not what the page loads anyway, and preloads none before the paint", async () => {
    const signIn = await get('/login?next=%2F');
    const code = /<div id="root" data-code="([^"]*)">/.exec(signIn.body)?.[1]?.split(' ');
    expect(code).toEqual(expect.arrayContaining(['/assets/LoginPage-Qq34.js', '/assets/form-Zz56.js']));
    expect(code).not.toContain('/assets/shared-Aa11.js');
    expect(signIn.body).not.toContain('modulepreload');
    const other = await get('/tickets/12');
    expect(other.body).not.toContain('data-code');
  });

  it("asks for a signed-in first screen's data with the page, by a script the policy allows by its hash", async () => {
    const { customer: person } = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, person);
    const id = '0b6f3a52-8d0e-4c5f-9a7e-1f2d3c4b5a69';
    const ticketPage = await customer.get(`/tickets/${id}`);
    const early = /<script data-urls="([^"]*)" data-heading="([^"]*)">([^<]*)<\/script>/.exec(
      ticketPage.body,
    );
    expect(early?.[1]?.split(' ')).toEqual([
      '/api/session',
      `/api/tickets/${id}/sla`,
      `/api/tickets/${id}`,
      `/api/tickets/${id}/timeline`,
      `/api/tickets/${id}/attachments`,
      '/api/sla/commitments',
    ]);
    // The ticket's own answer names the page's frame before the code runs.
    expect(early?.[2]).toBe(`/api/tickets/${id}`);
    const hash = createHash('sha256')
      .update(early?.[3] ?? '')
      .digest('base64');
    const csp = String(ticketPage.headers['content-security-policy']);
    expect(csp).toMatch(new RegExp(`script-src 'self' [^;]*'sha256-${hash.replace(/[+/]/g, '\\$&')}'`));
    expect(csp).not.toMatch(/unsafe-inline'?[^;]*;.*style/);

    const { agent } = await createStaff(t.ctx.db);
    const queue = await (await signedIn(t.app, agent)).get('/queues');
    expect(queue.body).toContain(
      '<script data-urls="/api/session /api/tickets?status=open&sort=engagementDueAt&order=asc&limit=50">',
    );
    // Nobody signed in: nothing to ask for, the sign-in page asks itself.
    expect((await get(`/tickets/${id}`)).body).not.toContain('data-urls');
  });

  it('names its stylesheet in a Link header, so that the browser asks for it before anything else', async () => {
    for (const path of ['/login', '/tickets/12', '/queues']) {
      expect((await get(path)).headers.link).toBe(
        '</assets/index-Zz99.css>; rel=preload; as=style; crossorigin',
      );
    }
    expect((await get('/api/health')).headers.link).toBeUndefined();
  });

  it('makes the first date format before the styles, by a script of its own the browser keeps for good', async () => {
    for (const response of [await get('/login'), await get('/tickets/12')]) {
      expect(
        response.body.startsWith(`<!doctype html><html lang="fr" data-language="fr"><head>${intlWarmUpTag}`),
      ).toBe(true);
      // No inline script but the first screen's data: the policy names no other hash.
      expect(String(response.headers['content-security-policy'])).toContain(
        `script-src 'self' ${earlyDataScriptHash};`,
      );
    }
    expect(intlWarmUpPath).toMatch(/^\/assets\/intl-warm-up-[0-9a-f]{10}\.js$/);
    const warmUp = await get(intlWarmUpPath);
    expect(warmUp.statusCode).toBe(200);
    expect(warmUp.body).toBe(intlWarmUpScript);
    expect(warmUp.body).toContain("timeZone:'Europe/Zurich'");
    expect(warmUp.headers['content-type']).toMatch(/^text\/javascript/);
    expect(warmUp.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("names a customer's own ticket in the page's frame, as text, and no one else's", async () => {
    const { customer: person } = await createCompany(t.ctx.db);
    const ticket = await openTicket(t.ctx, person, { subject: 'Export <b>"bloqué"</b> & lent' });
    const customer = await signedIn(t.app, person);
    const own = (await customer.get(`/tickets/${ticket.id}`)).body;
    expect(own).toContain(`<p id="first-kicker">${ticket.key}</p>`);
    expect(own).toContain(
      '<div id="first-heading">Export &lt;b&gt;&quot;bloqué&quot;&lt;/b&gt; &amp; lent</div>',
    );
    // Named already: the early answer does not name it a second time.
    expect(own).not.toContain('data-heading="');

    const { customer: stranger } = await createCompany(t.ctx.db);
    const other = (await (await signedIn(t.app, stranger)).get(`/tickets/${ticket.id}`)).body;
    expect(other).not.toContain(ticket.key);
    expect(other).not.toContain('bloqué');
    expect(other).toContain('<div id="first-heading"></div>');
    // Staff see the ticket in their workspace, at another address: this frame stays unnamed.
    const { agent } = await createStaff(t.ctx.db);
    const staffPage = (await (await signedIn(t.app, agent)).get(`/tickets/${ticket.id}`)).body;
    expect(staffPage).not.toContain('bloqué');
  });

  it("paints a first screen's heading with the page's frame, in the reader's language, as text", async () => {
    const { agent } = await createStaff(t.ctx.db);
    const staff = await signedIn(t.app, agent);
    expect((await staff.get('/queues')).body).toContain('<div id="first-heading">Files de tickets</div>');
    const german = await staff.put('/api/session/language', { language: 'de' });
    expect(german.statusCode).toBeLessThan(300);
    expect((await staff.get('/queues/mine')).body).toContain(
      '<div id="first-heading">Ticket-Warteschlangen</div>',
    );
    await staff.put('/api/session/language', { language: 'en' });
    expect((await staff.get('/queues')).body).toContain(
      '<div id="first-heading">Queues &lt;&quot;&amp;&quot;&gt;</div>',
    );
    expect((await staff.get('/queues')).body).toContain('<div class="first-page" aria-hidden="true">');
    // A visitor's sign-in page: its heading, in the narrow column of the pages for visitors.
    const visitor = await t.app.inject({
      method: 'GET',
      url: '/login',
      headers: { 'accept-language': 'de' },
    });
    expect(visitor.body).toContain(
      '<div class="first-page first-page-public" aria-hidden="true"><p id="first-kicker"></p><div id="first-heading">Anmeldung</div>',
    );
    // Other pages, and a customer (who has no queue), keep the frame without a heading.
    expect((await staff.get('/profile')).body).toContain('<div id="first-heading"></div>');
    const { customer: person } = await createCompany(t.ctx.db);
    await t.ctx.db.update(users).set({ name: 'Zoé <Brunner> & fils' }).where(eq(users.id, person.id));
    const customer = await signedIn(t.app, person);
    expect((await customer.get('/queues')).body).toContain('<div id="first-heading"></div>');
    // The home page greets the person by name, escaped as text.
    expect((await customer.get('/')).body).toContain(
      '<div id="first-heading">Bienvenue, Zoé &lt;Brunner&gt; &amp; fils</div>',
    );
  });

  it('answers 404 for a missing asset instead of the page', async () => {
    const response = await get('/assets/missing-0000.js', 'br');
    expect(response.statusCode).toBe(404);
  });
});

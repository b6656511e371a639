import { readFileSync } from 'node:fs';
import { customerTicket, json } from './staff-helpers';
import { expect, type Page, test } from './support/csp';
import { type ApiSession, apiSession, demo, eventually, signIn } from './support/session';

/**
 * The XSS corpus (test/fixtures/xss-payloads.json), sent as messages in both formats and as the
 * HTML part of inbound mails, must render inert where people read it — the staff console and the
 * portal: no dialog opens, nothing is fetched from another origin, and no element of a message
 * carries script, handler, style or a foreign address.
 */
const PAYLOADS: string[] = JSON.parse(
  readFileSync(new URL('../fixtures/xss-payloads.json', import.meta.url), 'utf8'),
);
const webhookToken = 'e2e-inbound-webhook-token';

interface Watch {
  dialogs: string[];
  foreign: string[];
}

/** Records every dialog (dismissed at once) and every request to another origin than ours. */
function watch(page: Page, origin: string): Watch {
  const seen: Watch = { dialogs: [], foreign: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`)) seen.foreign.push(url);
  });
  return seen;
}

/** Opens a ticket page, waits for the messages and for the network to settle, then checks them. */
async function expectInert(page: Page, path: string, origin: string, marker: RegExp, count: number) {
  const seen = watch(page, origin);
  await page.goto(path);
  const texts = page.getByTestId('message-text');
  await expect(texts.filter({ hasText: marker })).toHaveCount(count, { timeout: 30_000 });
  // Handlers that need a person: every element of the messages is pointed at and focused.
  await page.getByTestId('message-text').evaluateAll((nodes) => {
    for (const root of nodes)
      for (const element of root.querySelectorAll('*')) {
        element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        element.dispatchEvent(new FocusEvent('focus'));
      }
  });
  await page.waitForLoadState('networkidle');
  const offending = await page.getByTestId('message-text').evaluateAll((nodes, here) => {
    const found: string[] = [];
    const allowed = new Set(
      'P BR STRONG EM S DEL CODE PRE BLOCKQUOTE UL OL LI H1 H2 H3 H4 H5 H6 HR A IMG TABLE THEAD TBODY TR TH TD'.split(
        ' ',
      ),
    );
    for (const root of nodes) {
      for (const element of root.querySelectorAll('*')) {
        if (!allowed.has(element.tagName)) found.push(`<${element.tagName.toLowerCase()}>`);
        for (const attribute of element.getAttributeNames()) {
          if (/^on|^style$|^srcdoc$|^formaction$/i.test(attribute))
            found.push(`${element.tagName} ${attribute}`);
        }
        const address = element.getAttribute('href') ?? element.getAttribute('src');
        if (address === null) continue;
        const resolved = new URL(address, here);
        if (!['http:', 'https:', 'mailto:'].includes(resolved.protocol))
          found.push(`${element.tagName} ${address}`);
        if (element.tagName === 'IMG' && resolved.origin !== new URL(here).origin)
          found.push(`IMG ${address}`);
      }
    }
    return found;
  }, origin);
  expect(offending, `unsafe markup on ${path}`).toEqual([]);
  expect(seen.dialogs, `dialogs on ${path}`).toEqual([]);
  expect(seen.foreign, `requests to another origin from ${path}`).toEqual([]);
}

test('the XSS corpus sent as messages, Markdown and plain, renders inert for staff and customers', async ({
  browser,
  page,
  baseURL,
}) => {
  test.slow();
  const origin = new URL(baseURL ?? '').origin;
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
  const customer = await apiSession(origin, demo.customer);
  const ticket = await customerTicket(customer, `Corpus XSS messages ${Date.now()}`);
  for (const [index, payload] of PAYLOADS.entries()) {
    for (const format of ['markdown', 'plain'] as const) {
      await json(
        await customer.send('POST', `/api/tickets/${ticket.id}/messages`, {
          body: `Charge ${index + 1} ${format}\n\n${payload}`,
          format,
        }),
        201,
      );
    }
  }
  await customer.dispose();

  await signIn(page, demo.agent);
  await expectInert(
    page,
    `/staff/tickets/${ticket.id}`,
    origin,
    /Charge \d+ (markdown|plain)/,
    PAYLOADS.length * 2,
  );

  const customerContext = await browser.newContext({ locale: 'fr-CH' });
  const portal = await customerContext.newPage();
  await signIn(portal, demo.customer);
  await expectInert(
    portal,
    `/tickets/${ticket.id}`,
    origin,
    /Charge \d+ (markdown|plain)/,
    PAYLOADS.length * 2,
  );
  await customerContext.close();
});

/** The signed reply address of a ticket, read from the receipt mail its customer was sent. */
async function replyAddressOf(admin: ApiSession, ticketKey: string): Promise<string> {
  return eventually(async () => {
    const list = await json<{ items: { id: number; subject: string }[] }>(
      await admin.context.get(`/api/admin/mails?recipient=${encodeURIComponent(demo.customer)}`),
    );
    const receipt = list.items.find((m) => m.subject.includes(ticketKey));
    if (!receipt) return undefined;
    const mail = await json<{ headers: Record<string, string> }>(
      await admin.context.get(`/api/admin/mails/${receipt.id}`),
    );
    return mail.headers['Reply-To'];
  }, `the reply address of ${ticketKey}`);
}

function htmlMail(to: string, index: number, payload: string): string {
  const html = `<html><head><title>x</title></head><body><p>Courriel ${index + 1}</p>${payload}</body></html>`;
  return [
    'MIME-Version: 1.0',
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <xss-${index}-${Date.now()}@acme.demo>`,
    `Subject: Corpus ${index + 1}`,
    `From: Claire Dubois <${demo.customer}>`,
    `To: ${to}`,
    'Content-Type: text/html; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(html, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n'),
    '',
  ].join('\r\n');
}

test('the XSS corpus in the HTML part of inbound mail renders inert on the ticket', async ({
  browser,
  page,
  baseURL,
  request,
}) => {
  test.slow();
  const origin = new URL(baseURL ?? '').origin;
  const customer = await apiSession(origin, demo.customer);
  const ticket = await customerTicket(customer, `Corpus XSS courriel ${Date.now()}`);
  await customer.dispose();
  const admin = await apiSession(origin, demo.admin);
  const replyTo = await replyAddressOf(admin, ticket.key);
  await admin.dispose();

  for (const [index, payload] of PAYLOADS.entries()) {
    const response = await request.post('/api/inbound/mail', {
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${webhookToken}` },
      data: Buffer.from(htmlMail(replyTo, index, payload), 'utf8'),
    });
    const result = await json<{ outcome: string; ticketId: string | null }>(response);
    expect(result, `mail ${index + 1}`).toEqual(
      expect.objectContaining({ outcome: 'posted', ticketId: ticket.id }),
    );
  }

  await signIn(page, demo.agent);
  await expectInert(page, `/staff/tickets/${ticket.id}`, origin, /Courriel \d+/, PAYLOADS.length);

  const customerContext = await browser.newContext({ locale: 'fr-CH' });
  const portal = await customerContext.newPage();
  await signIn(portal, demo.customer);
  await expectInert(portal, `/tickets/${ticket.id}`, origin, /Courriel \d+/, PAYLOADS.length);
  await customerContext.close();
});

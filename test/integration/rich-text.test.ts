import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, ticketMessages } from '../../src/db/schema/index';
import { renderOutboxMail } from '../../src/mail/render';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, openTicket, type TestCompany, ticketInput } from '../support/factories';
import { type FormFile, multipartForm } from '../support/multipart';
import { mailsOf } from '../support/rows';

let t: TestApp;
let acme: TestCompany;
let customer: TestClient;
let agent: TestClient;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  const staff = await createStaff(t.ctx.db);
  customer = new TestClient(t.app);
  await customer.login(acme.customer.email);
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
});
afterAll(() => t.close());

const form = (fields: Record<string, string>, files: FormFile[]) => multipartForm(fields, files, 'image/png');

const screenshot = () =>
  sharp({ create: { width: 40, height: 20, channels: 3, background: '#c02030' } })
    .png()
    .toBuffer();

describe('rich text messages', () => {
  it('an answer in Markdown with a list, a link and a pasted picture is rendered, stored as written, and mailed', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    const body =
      'Bonjour,\n\n- relancez le job\n- lisez [le guide](https://example.org/guide)\n\n![capture 1.png](attachment:capture%201.png)';
    const response = await agent.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/messages`,
      ...form({ body, format: 'markdown', visibility: 'public' }, [
        { name: 'capture 1.png', bytes: await screenshot() },
      ]),
    });
    expect(response.statusCode).toBe(201);
    const [picture] = await t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticket.id));
    const preview = `/api/attachments/${picture?.id}/preview`;

    const message = response.json().message;
    expect(message.format).toBe('markdown');
    expect(message.body).toContain(`![capture 1.png](${preview})`);
    const [stored] = await t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.id, message.id));
    expect(stored?.body).toBe(message.body);

    const entries = (await customer.get(`/api/tickets/${ticket.id}/timeline`)).json().entries;
    const html: string = entries.find((e: { kind: string }) => e.kind === 'message').message.html;
    expect(html).toMatch(/<ul>\s*<li>relancez le job<\/li>/);
    expect(html).toContain(
      '<a href="https://example.org/guide" rel="noopener noreferrer nofollow" target="_blank">le guide</a>',
    );
    expect(html).toContain(`<img src="${preview}" alt="capture 1.png" />`);
    expect((await customer.get(preview)).headers['content-type']).toBe('image/webp');

    const [mail] = (await mailsOf(t.ctx.db, ticket.id)).filter((m) => m.template === 'ticket.public_answer');
    if (!mail) throw new Error('no answer mail queued');
    const outcome = await renderOutboxMail(t.ctx, t.ctx.db, mail);
    if (outcome.kind !== 'send') throw new Error(outcome.reason);
    expect(outcome.rendered.html).toMatch(
      /<li>lisez <a href="https:\/\/example.org\/guide"[^>]*>le guide<\/a><\/li>/,
    );
    expect(outcome.rendered.html).toContain(`${t.ctx.publicUrl}${preview}`);
    expect(outcome.rendered.text).toContain(
      `- relancez le job\n- lisez le guide (https://example.org/guide)\n\ncapture 1.png (${new URL(t.ctx.publicUrl).origin}${preview})`,
    );
  });

  it('a plain-text message looks as written: line breaks kept, nothing formatted', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    const response = await customer.post(`/api/tickets/${ticket.id}/messages`, {
      body: 'Ligne *un*\n# deux <b>',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().message).toMatchObject({
      format: 'plain',
      html: '<p>Ligne *un*<br />\n# deux &lt;b&gt;</p>',
    });
  });

  it('a description in Markdown is served rendered, and the preview renders like a sent message', async () => {
    const input = await ticketInput(t.ctx.db, { description: '1. **Ouvrir** le module\n2. Exporter' });
    const created = await customer.post('/api/tickets', { ...input, descriptionFormat: 'markdown' });
    expect(created.statusCode).toBe(201);
    const { descriptionHtml, descriptionFormat } = created.json().ticket;
    expect(descriptionFormat).toBe('markdown');
    expect(descriptionHtml).toMatch(/<ol>\s*<li><strong>Ouvrir<\/strong> le module<\/li>/);
    const preview = await customer.post('/api/rich-text/preview', { body: '[x](javascript:alert(1)) **y**' });
    expect(preview.json().html).toBe('<p>[x](javascript:alert(1)) <strong>y</strong></p>\n');
  });

  it('the preview needs a session', async () => {
    const anonymous = new TestClient(t.app);
    expect((await anonymous.post('/api/rich-text/preview', { body: 'x' })).statusCode).toBe(401);
  });
});

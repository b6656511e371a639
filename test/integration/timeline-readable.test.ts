import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTimeline } from '../../src/app/tickets/get-timeline';
import { languages } from '../../src/i18n/language';
import { type TestApp, TestClient, testApp } from '../support/app';
import { actorOf, createCompany, createStaff, openTicket, type TestCompany } from '../support/factories';
import { rawPartsOf } from '../support/raw-text';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let acme: TestCompany;
let ticketId: string;

const written = ['export.log'];

/** A multipart body with one file, as the browser sends it. */
function oneFile(name: string, bytes: Buffer) {
  const boundary = '----guichet-timeline';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
  acme = await createCompany(t.ctx.db);
  const agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  const consultant = new TestClient(t.app);
  await consultant.login(staff.consultant.email);
  const customer = new TestClient(t.app);
  await customer.login(acme.customer.email);

  const ticket = await openTicket(t.ctx, acme.customer, { criticality: 'haute' });
  ticketId = ticket.id;
  const path = `/api/tickets/${ticketId}`;
  const steps: [TestClient, string, unknown][] = [
    [agent, '/qualify', { criticality: 'moyenne', reason: 'Un contournement existe.' }],
    [agent, '/assign', { assigneeId: staff.agent.id }],
    [agent, '/status', { status: 'in_progress' }],
    [agent, '/messages', { body: 'Pouvez-vous envoyer le journal ?', visibility: 'public' }],
    [agent, '/messages', { body: 'Voir RPC interne.', visibility: 'internal' }],
    [agent, '/status', { status: 'waiting_customer' }],
    [customer, '/messages', { body: 'Le voici.' }],
    [customer, '/attachments', oneFile('export.log', Buffer.from('09:00 export failed\n'))],
    [agent, '/transfer-consulting', { note: 'Lié au projet de migration.' }],
    [consultant, '/take', {}],
    [consultant, '/close', { reason: 'solution_delivered' }],
  ];
  for (const [client, action, body] of steps) {
    const response =
      action === '/attachments'
        ? await client.request({ method: 'POST', url: `${path}${action}`, ...(body as object) })
        : await client.post(`${path}${action}`, body);
    expect(response.statusCode, `${action}: ${response.body}`).toBeLessThan(300);
  }
});
afterAll(() => t.close());

describe('a history people can read (R14)', () => {
  it('covers the kinds of this ticket’s life', async () => {
    const entries = await getTimeline(t.ctx, actorOf(staff.agent), ticketId, 'fr');
    expect(new Set(entries.map((e) => e.event.kind))).toEqual(
      new Set([
        'created',
        'qualified',
        'criticality_changed',
        'assigned',
        'status_changed',
        'message',
        'internal_note',
        'field_changed',
        'transferred',
        'taken',
        'closed',
      ]),
    );
  });

  for (const language of languages) {
    it(`reads as sentences in ${language}, for staff and for the customer, with no raw key, id or ISO date`, async () => {
      for (const reader of [staff.agent, acme.customer]) {
        const entries = await getTimeline(t.ctx, actorOf(reader), ticketId, language);
        for (const { description } of entries) {
          for (const text of [description.summary, ...description.details]) {
            expect(rawPartsOf(text, written), text).toEqual([]);
          }
        }
      }
    });
  }

  it('serves the sentences in the reader’s language with the timeline', async () => {
    const agent = new TestClient(t.app);
    await agent.login(staff.agent.email);
    const entries = (await agent.get(`/api/tickets/${ticketId}/timeline`)).json().entries;
    const texts = entries.flatMap((e: { summary: string; details: string[] }) => [e.summary, ...e.details]);
    const agentName = staff.agent.name;
    expect(texts).toEqual(
      expect.arrayContaining([
        `Attribuée à ${agentName} par ${agentName}`,
        'Statut : En cours → Attente client',
        `${staff.consultant.name} a pris la demande en charge`,
        'Raison : Un contournement existe.',
        'Motif de fermeture : — → Solution livrée',
        `${acme.customer.name} a joint un fichier : export.log`,
      ]),
    );
  });
});

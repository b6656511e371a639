import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTicketRetention } from '../../src/app/personal-data/retention';
import {
  adminAudit,
  attachments,
  flexLedger,
  inboundMails,
  ticketMessages,
  tickets,
  timeEntries,
  users,
} from '../../src/db/schema/index';
import { dispatchOutbox } from '../../src/mail/dispatch';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, forceTicket, type TestCompany, ticketInput } from '../support/factories';
import { multipart, sampleFiles } from '../support/multipart';

let t: TestApp;
let acme: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
let ip = 0;
const signedIn = async (user: { email: string }) => {
  ip += 1;
  const client = new TestClient(t.app, `10.62.0.${ip}`);
  await client.login(user.email);
  return client;
};

beforeAll(async () => {
  // Attachment bytes in the database, so the scan below reads them too.
  t = await testApp({ env: { STORAGE_DRIVER: 'postgres' } });
  acme = await createCompany(t.ctx.db, { flex: true });
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

const NAME = 'Ximena Quaglio-Berset';
const PHONE = '+41 79 555 12 34';
const MAIL = 'ximena.quaglio@acme-erasure.test';
const NOTIFY = 'xq.notices@acme-erasure.test';

/** Every row of every text-like column of every table where one of the texts occurs. */
async function copiesOf(texts: string[]): Promise<string[]> {
  const columns = (await t.ctx.db.execute(sql`
    SELECT c.table_schema AS "schema", c.table_name AS "table", c.column_name AS "column", c.data_type AS "type"
    FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND tb.table_type = 'BASE TABLE'
      AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY', 'tsvector'))`)) as unknown as {
    rows: { schema: string; table: string; column: string; type: string }[];
  };
  expect(columns.rows.length).toBeGreaterThan(100);
  const found: string[] = [];
  for (const c of columns.rows) {
    const ref = sql`${sql.identifier(c.schema)}.${sql.identifier(c.table)}`;
    const col = sql.identifier(c.column);
    for (const text of texts) {
      // A search document holds stems, not texts: it is checked for the family name's stem only.
      if (c.type === 'tsvector' && text !== 'Quaglio') continue;
      const match =
        c.type === 'bytea'
          ? sql`position(convert_to(${text}, 'UTF8') in ${col}) > 0 OR position(convert_to(lower(${text}), 'UTF8') in ${col}) > 0`
          : c.type === 'tsvector'
            ? sql`${col}::text ILIKE '%quagli%'`
            : sql`${col}::text ILIKE ${`%${text}%`}`;
      const result = (await t.ctx.db.execute(
        sql`SELECT count(*)::int AS n FROM ${ref} WHERE ${match}`,
      )) as unknown as {
        rows: { n: number }[];
      };
      if (Number(result.rows[0]?.n) > 0) found.push(`${c.table}.${c.column} holds ${text}`);
    }
  }
  return found;
}

describe('erasing a person', () => {
  it('leaves no copy of their name or addresses in any column, and the tickets still read', async () => {
    const [person] = await t.ctx.db
      .update(users)
      .set({ name: NAME, email: MAIL, notificationEmail: NOTIFY, phone: PHONE })
      .where(eq(users.id, acme.customer.id))
      .returning();
    if (!person) throw new Error('no person');
    const customer = await signedIn(person);
    const agent = await signedIn(staff.agent);
    const created = await customer.post(
      '/api/tickets',
      await ticketInput(t.ctx.db, { subject: `Export bloqué — ${NAME}` }),
    );
    expect(created.statusCode).toBe(201);
    const ticketId: string = created.json().ticket.id;
    const upload = await customer.request({
      method: 'POST',
      url: `/api/tickets/${ticketId}/attachments`,
      ...multipart([
        { name: 'file', fileName: `${NAME}.txt`, bytes: Buffer.from(`Signature: ${NAME}, ${PHONE}\n`) },
      ]),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const other = await agent.request({
      method: 'POST',
      url: `/api/tickets/${ticketId}/attachments`,
      ...multipart([{ name: 'file', fileName: 'plan.pdf', bytes: sampleFiles.pdf }]),
    });
    expect(other.statusCode).toBe(201);
    await customer.post(`/api/tickets/${ticketId}/messages`, {
      body: `Bonjour,\n\n${NAME}\n${PHONE}\n${MAIL}`,
    });
    await agent.post(`/api/tickets/${ticketId}/messages`, {
      body: `Rappeler ${NAME} au ${PHONE} (${NOTIFY})`,
      visibility: 'internal',
    });
    await agent.post(`/api/tickets/${ticketId}/messages`, {
      body: `Bonjour ${NAME}, nous regardons.`,
      visibility: 'public',
    });
    await dispatchOutbox(t.ctx);
    await customer.post(`/api/tickets/${ticketId}/messages`, { body: 'Merci.' });
    // Copies written by hand elsewhere: a Flex adjustment, a time note, a raw mail they sent.
    await t.ctx.db.insert(flexLedger).values({
      contractId: acme.flex?.id ?? '',
      companyId: acme.company.id,
      kind: 'adjustment',
      minutes: 30,
      reason: `Geste pour ${NAME}`,
      createdAt: t.clock.now(),
    });
    await t.ctx.db.insert(timeEntries).values({
      ticketId,
      companyId: acme.company.id,
      userId: staff.agent.id,
      workDate: '2026-03-02',
      minutes: 15,
      note: `Appel avec ${NAME}`,
      billing: 'maintenance',
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    });
    const raw = Buffer.from(`From: ${NAME} <${MAIL}>\r\nSubject: Re: export\r\n\r\nMerci, ${NAME}\r\n`);
    await t.ctx.db.insert(inboundMails).values({
      dedupeKey: `erasure-${ticketId}`,
      via: 'webhook',
      fromAddress: MAIL,
      fromName: NAME,
      subject: 'Re: export',
      bodyText: `Merci, ${NAME}`,
      raw,
      size: raw.length,
      sha256: 'x',
      outcome: 'posted',
      ticketId,
      senderUserId: person.id,
      receivedAt: t.clock.now(),
    });
    expect((await copiesOf([NAME, MAIL])).length).toBeGreaterThan(5);

    const admin = await signedIn(staff.admin);
    const wrong = await admin.post(`/api/users/${person.id}/erasure`, {
      confirmName: 'Ximena',
      removeFiles: true,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('erasure_confirmation_mismatch');
    const erased = await admin.post(`/api/users/${person.id}/erasure`, {
      confirmName: NAME,
      removeFiles: true,
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json().removedAttachments).toBe(1);

    expect(await copiesOf([NAME, MAIL, NOTIFY, PHONE, 'Quaglio'])).toEqual([]);

    // The person can no longer sign in, and the ticket reads with their messages as a deleted user.
    const login = await new TestClient(t.app, '10.62.9.9').post('/api/session', {
      email: MAIL,
      password: 'x',
    });
    expect(login.statusCode).not.toBe(200);
    const ticket = await agent.get(`/api/tickets/${ticketId}`);
    expect(ticket.statusCode).toBe(200);
    expect(ticket.json().ticket.creator.name).toBe('Utilisateur supprimé');
    const timeline = await agent.get(`/api/tickets/${ticketId}/timeline`);
    expect(timeline.statusCode).toBe(200);
    const fromPerson = timeline
      .json()
      .entries.filter((e: { actor: { id: string } | null }) => e.actor?.id === person.id);
    expect(fromPerson.length).toBeGreaterThan(0);
    expect(
      fromPerson.every((e: { actor: { name: string } }) => e.actor.name === 'Utilisateur supprimé'),
    ).toBe(true);
    const manager = await signedIn(acme.manager);
    expect((await manager.get(`/api/tickets/${ticketId}`, { 'accept-language': 'en' })).statusCode).toBe(200);
    const files = await t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticketId));
    expect(files.map((f) => f.fileName)).toEqual(['plan.pdf']);
    const messages = await t.ctx.db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, ticketId));
    expect(messages.filter((m) => m.authorId === person.id).map((m) => m.body)).toContain('Merci.');
    const audit = await t.ctx.db
      .select()
      .from(adminAudit)
      .where(and(eq(adminAudit.action, 'person.erased'), eq(adminAudit.subjectId, person.id)));
    expect(audit).toHaveLength(1);
    expect(
      (await admin.post(`/api/users/${person.id}/erasure`, { confirmName: 'Utilisateur supprimé' })).json()
        .code,
    ).toBe('person_already_erased');
    expect(
      (await admin.post(`/api/users/${staff.admin.id}/erasure`, { confirmName: staff.admin.name })).json()
        .code,
    ).toBe('cannot_erase_self');
    expect(
      (await manager.post(`/api/users/${acme.manager.id}/erasure`, { confirmName: 'x' })).statusCode,
    ).toBe(403);
  });
});

describe('ticket retention', () => {
  it('closes and empties tickets older than the period once, as the clock moves on', async () => {
    const customer = await signedIn(acme.manager);
    const admin = await signedIn(staff.admin);
    const open = async (subject: string) =>
      (await customer.post('/api/tickets', await ticketInput(t.ctx.db, { subject }))).json().ticket
        .id as string;
    const old = await open('Ancienne demande de Madame Tartempion');
    const recent = await open('Demande récente');
    await forceTicket(t.ctx.db, old, { updatedAt: new Date('2022-01-10T00:00:00Z') });
    await forceTicket(t.ctx.db, recent, { updatedAt: new Date('2025-06-01T00:00:00Z') });

    expect(await applyTicketRetention(t.ctx)).toBe(0);
    expect((await admin.put('/api/settings/retention', { ticketYears: 0 })).statusCode).toBe(400);
    const saved = await admin.put('/api/settings/retention', { ticketYears: 3 });
    expect(saved.json()).toEqual({ ticketYears: 3 });
    expect((await customer.get('/api/settings/retention')).statusCode).toBe(403);

    const first = await applyTicketRetention(t.ctx);
    expect(first).toBeGreaterThanOrEqual(1);
    const [emptied] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, old));
    expect(emptied).toMatchObject({ status: 'closed', closeReason: 'retention', subject: '[—]' });
    expect(emptied?.anonymisedAt).not.toBeNull();
    const bodies = await t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, old));
    expect(bodies.every((m) => m.body === '[—]')).toBe(true);
    expect(await applyTicketRetention(t.ctx)).toBe(0);
    const [kept] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, recent));
    expect(kept).toMatchObject({ subject: 'Demande récente', anonymisedAt: null });
    expect((await admin.get(`/api/tickets/${old}`)).statusCode).toBe(200);

    // Three years after the recent ticket's last change, it is due too.
    t.clock.set(new Date('2028-06-02T00:00:00Z'));
    expect(await applyTicketRetention(t.ctx)).toBeGreaterThanOrEqual(1);
    const [later] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, recent));
    expect(later).toMatchObject({ status: 'closed', closeReason: 'retention' });
  });
});

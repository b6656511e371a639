import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, storedMails, users } from '../../src/db/schema/index';
import { zurichInstant } from '../../src/domain/calendar/index';
import { workerTasks } from '../../src/jobs/tasks';
import { type TestApp, TestClient, testApp } from '../support/app';
import {
  createCompany,
  createStaff,
  createUser,
  openTicket,
  type TestCompany,
  type TestUser,
} from '../support/factories';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let acme: TestCompany;
let reader: TestUser;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
  acme = await createCompany(t.ctx.db);
  reader = await createUser(t.ctx.db, { role: 'agent', name: 'Jonas Keller', language: 'de' });
  await t.ctx.db
    .update(users)
    .set({ notificationPrefs: { digest: true } })
    .where(eq(users.id, reader.id));
});
afterAll(() => t.close());

async function workerPass() {
  for (const task of workerTasks) await task.run(t.ctx);
}
const digests = () =>
  t.ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.template, 'staff.digest'), inArray(outbox.recipient, [reader.email])));

async function assignTo(user: TestUser, subject: string) {
  const ticket = await openTicket(t.ctx, acme.customer, { status: 'qualified', subject });
  // Signed in at the clock's time: the sessions follow the injected clock.
  const admin = new TestClient(t.app);
  await admin.login(staff.admin.email);
  const response = await admin.post(`/api/tickets/${ticket.id}/assign`, { assigneeId: user.id });
  expect(response.statusCode, response.body).toBe(200);
  return ticket;
}

describe('the daily digest', () => {
  it('is sent by the worker once a Zurich day from 07:00, in the reader’s language, listing the unread notices', async () => {
    t.clock.set(zurichInstant('2026-11-09 16:00'));
    const first = await assignTo(reader, 'Lohnabrechnung blockiert');
    const second = await assignTo(reader, 'Export unvollständig');
    // Nothing by mail at once: the digest replaces the mails per notice.
    expect(
      await t.ctx.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.template, 'staff.notice'), eq(outbox.recipient, reader.email))),
    ).toEqual([]);

    t.clock.set(zurichInstant('2026-11-10 06:30'));
    await workerPass();
    expect(await digests()).toEqual([]);

    t.clock.set(zurichInstant('2026-11-10 07:05'));
    await workerPass();
    await workerPass();
    t.clock.set(zurichInstant('2026-11-10 17:00'));
    await workerPass();
    const sent = await digests();
    expect(sent.map((m) => [m.language, m.status])).toEqual([['de', 'sent']]);
    const [mail] = await t.ctx.db
      .select()
      .from(storedMails)
      .where(eq(storedMails.outboxId, sent[0]?.id ?? 0));
    expect(mail?.subject).toContain('Tageszusammenfassung: 2 ungelesene Benachrichtigungen');
    expect(mail?.text).toContain(`${first.key}`);
    expect(mail?.text).toContain('Ihnen zugewiesen');
    expect(mail?.text).toContain('Lohnabrechnung blockiert');
    expect(mail?.text).toContain(`${second.key}`);

    // The next day: a new notice, a second digest.
    await assignTo(reader, 'Neue Anfrage');
    t.clock.set(zurichInstant('2026-11-11 07:30'));
    await workerPass();
    await workerPass();
    expect(await digests()).toHaveLength(2);
  });

  it('goes only to staff who chose it', async () => {
    const other = await createUser(t.ctx.db, { role: 'agent' });
    t.clock.set(zurichInstant('2026-11-16 10:00'));
    await assignTo(other, 'Sans résumé');
    t.clock.set(zurichInstant('2026-11-17 08:00'));
    await workerPass();
    expect(
      await t.ctx.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.template, 'staff.digest'), eq(outbox.recipient, other.email))),
    ).toEqual([]);
  });
});

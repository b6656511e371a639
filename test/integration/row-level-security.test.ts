import { eq, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/context';
import { actorOf } from '../../src/app/context';
import {
  attachments,
  companies,
  contracts,
  flexLedger,
  ticketEvents,
  ticketMessages,
  tickets,
  users,
} from '../../src/db/schema/index';
import { customerRole, tenantScope } from '../../src/db/tenant-scope';
import tenantScopePlugin from '../../src/http/plugins/tenant-scope';
import { type TestApp, testApp } from '../support/app';
import { createStaff, flexTenant, openTicket, type TestCompany } from '../support/factories';

let t: TestApp;
let a: TestCompany;
let b: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await testApp();
  a = await flexTenant(t.ctx, 600);
  b = await flexTenant(t.ctx, 900);
  staff = await createStaff(t.ctx.db);
  for (const company of [a, b]) {
    const ticket = await openTicket(t.ctx, company.customer, { status: 'in_progress' });
    await t.ctx.db.insert(ticketMessages).values({
      ticketId: ticket.id,
      authorId: company.customer.id,
      body: `Message of ${company.company.name}`,
      visibility: 'public',
      createdAt: t.clock.now(),
    });
  }
});
afterAll(() => t.close());

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe('row-level security for customer transactions', () => {
  it('is enforced: the database user may switch to the customer role, and the company tables have policies', async () => {
    const scope = tenantScope(t.ctx.db);
    expect(await scope.enforced()).toBe(true);
    const tables = rowsOf<{ relname: string; relrowsecurity: boolean }>(
      await t.ctx.db.execute(
        sql`select relname, relrowsecurity from pg_class where relname in ('tickets', 'ticket_messages', 'ticket_events', 'attachments', 'flex_ledger', 'time_entries', 'contracts', 'projects', 'users', 'companies') order by relname`,
      ),
    );
    expect(tables).toHaveLength(10);
    expect(tables.filter((row) => !row.relrowsecurity)).toEqual([]);
  });

  it('a query that forgets its WHERE clause returns nothing of another company', async () => {
    const scope = tenantScope(t.ctx.db);
    const seen = await scope.asCustomer(a.company.id, async () => ({
      who: rowsOf<{ who: string }>(await scope.db.execute(sql`select current_user as who`))[0]?.who,
      tickets: await scope.db.select({ companyId: tickets.companyId }).from(tickets),
      messages: await scope.db.select({ body: ticketMessages.body }).from(ticketMessages),
      events: await scope.db.select({ ticketId: ticketEvents.ticketId }).from(ticketEvents),
      ledger: await scope.db.select({ companyId: flexLedger.companyId }).from(flexLedger),
      contracts: await scope.db.select({ companyId: contracts.companyId }).from(contracts),
      companies: await scope.db.select({ id: companies.id }).from(companies),
      people: await scope.db.select({ companyId: users.companyId }).from(users),
      files: await scope.db.select({ companyId: attachments.companyId }).from(attachments),
    }));
    expect(seen.who).toBe(customerRole);
    expect(seen.tickets.length).toBeGreaterThan(0);
    expect(seen.tickets.every((row) => row.companyId === a.company.id)).toBe(true);
    expect(seen.messages.map((row) => row.body)).toEqual([`Message of ${a.company.name}`]);
    expect(seen.events.length).toBeGreaterThan(0);
    expect(seen.ledger.map((row) => row.companyId)).toEqual([a.company.id]);
    expect(new Set(seen.contracts.map((row) => row.companyId))).toEqual(new Set([a.company.id]));
    expect(seen.companies).toEqual([{ id: a.company.id }]);
    // Colleagues and staff (names on tickets), never another company's people.
    expect(seen.people.some((row) => row.companyId === b.company.id)).toBe(false);
    expect(seen.people.some((row) => row.companyId === null)).toBe(true);
    expect(seen.files).toEqual([]);

    // The same query outside a customer transaction (staff, worker) sees both companies.
    const all = await t.ctx.db.select({ companyId: tickets.companyId }).from(tickets);
    expect(new Set(all.map((row) => row.companyId))).toEqual(new Set([a.company.id, b.company.id]));
  });

  it('refuses to write a row for another company, and the refusal rolls nothing of it in', async () => {
    const scope = tenantScope(t.ctx.db);
    const [ticketOfB] = await t.ctx.db.select().from(tickets).where(eq(tickets.companyId, b.company.id));
    if (!ticketOfB) throw new Error('no ticket of B');
    const moved = await scope.asCustomer(a.company.id, () =>
      scope.db.update(tickets).set({ subject: 'Taken over' }).where(eq(tickets.id, ticketOfB.id)).returning(),
    );
    expect(moved).toEqual([]);
    await expect(
      scope.asCustomer(a.company.id, () =>
        scope.db.insert(ticketMessages).values({
          ticketId: ticketOfB.id,
          authorId: a.customer.id,
          body: 'Injected',
          visibility: 'public',
          createdAt: t.clock.now(),
        }),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    const messagesOfB = await t.ctx.db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, ticketOfB.id));
    expect(messagesOfB.map((m) => m.body)).toEqual([`Message of ${b.company.name}`]);
  });

  it('wraps every handler a customer calls in their company’s transaction, and staff handlers in none', async () => {
    const scope = tenantScope(t.ctx.db);
    const app = Fastify();
    let caller: Actor | null = null;
    app.decorateRequest('actor', null);
    app.addHook('onRequest', async (request) => {
      request.actor = caller;
    });
    await app.register(tenantScopePlugin, { scope });
    app.get('/probe', async () => {
      const [row] = rowsOf<{ who: string; company: string | null }>(
        await scope.db.execute(
          sql`select current_user as who, nullif(current_setting('guichet.company_id', true), '') as company`,
        ),
      );
      const visible = await scope.db.select({ companyId: tickets.companyId }).from(tickets);
      return { ...row, companies: [...new Set(visible.map((v) => v.companyId))].sort() };
    });
    await app.ready();

    caller = actorOf(a.customer);
    const asCustomer = (await app.inject({ method: 'GET', url: '/probe' })).json();
    expect(asCustomer).toEqual({ who: customerRole, company: a.company.id, companies: [a.company.id] });

    caller = actorOf(staff.agent);
    const asStaff = (await app.inject({ method: 'GET', url: '/probe' })).json();
    expect(asStaff.who).not.toBe(customerRole);
    expect(asStaff.company).toBeNull();
    expect(asStaff.companies).toEqual([a.company.id, b.company.id].sort());
    await app.close();
  });
});

import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeTicketSla } from '../../src/app/sla/ticket-sla';
import { createTicket } from '../../src/app/tickets/create-ticket';
import { ticketSla, tickets, ticketTimers } from '../../src/db/schema/index';
import { type TestApp, testApp } from '../support/app';
import { actorOf, createCompany, ticketInput } from '../support/factories';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** What the SLA of a ticket leaves in the database: due times, SLA row, warning timers. */
async function storedSlaOf(ticketId: string) {
  const [ticket] = await t.ctx.db
    .select({
      engagementDueAt: tickets.engagementDueAt,
      resolutionDueAt: tickets.resolutionDueAt,
      slaState: tickets.slaState,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  const [row] = await t.ctx.db.select().from(ticketSla).where(eq(ticketSla.ticketId, ticketId));
  const timers = await t.ctx.db
    .select({ kind: ticketTimers.kind, dueAt: ticketTimers.dueAt, state: ticketTimers.state })
    .from(ticketTimers)
    .where(eq(ticketTimers.ticketId, ticketId))
    .orderBy(asc(ticketTimers.kind));
  return { ticket, row, timers };
}

describe('the SLA a ticket opens with', () => {
  it.each(['critique', 'moyenne'] as const)(
    'is what a recomputation from its history stores (%s)',
    async (criticality) => {
      const acme = await createCompany(t.ctx.db);
      const created = await createTicket(
        t.ctx,
        actorOf(acme.customer),
        await ticketInput(t.ctx.db, { criticality }),
      );
      const atCreation = await storedSlaOf(created.id);
      expect(atCreation.row).toBeDefined();
      expect(atCreation.timers.length).toBeGreaterThan(0);
      await t.ctx.db.transaction((tx) => recomputeTicketSla(tx, created.id, created.createdAt));
      expect(await storedSlaOf(created.id)).toEqual(atCreation);
    },
  );
});

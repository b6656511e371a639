import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../src/app/context';
import { actorOf } from '../../src/app/context';
import { type CreateTicketInput, createTicket } from '../../src/app/tickets/create-ticket';
import type { TicketRow } from '../../src/app/tickets/record-event';
import type { DbOrTx } from '../../src/db/client';
import {
  flexLedger,
  outbox,
  requestTypes,
  ticketEvents,
  ticketMessages,
  tickets,
} from '../../src/db/schema/index';
import type { TicketStatus } from '../../src/domain/tickets/index';
import type { TestUser } from './factories';

/** The Actor an app function receives for a user made by the factories. */
export { actorOf };

/** The id of a seeded request type ('assistance', 'solva_flex'). */
export async function requestTypeId(db: DbOrTx, code: string): Promise<string> {
  const [row] = await db
    .select({ id: requestTypes.id })
    .from(requestTypes)
    .where(eq(requestTypes.code, code));
  if (!row) throw new Error(`request type ${code} is not seeded`);
  return row.id;
}

/** A valid support-ticket body for the API or createTicket. */
export async function ticketInput(
  db: DbOrTx,
  overrides: Partial<CreateTicketInput> = {},
): Promise<CreateTicketInput> {
  return {
    desk: 'support',
    requestTypeId: await requestTypeId(db, 'assistance'),
    criticality: 'moyenne',
    subject: 'Invoice export fails for company 02',
    description: 'Since this morning the export stops with an error.',
    ...overrides,
  };
}

/** Opens a ticket through the application, as `user`, optionally forcing it into a status. */
export async function openTicket(
  ctx: AppContext,
  user: TestUser,
  options: Partial<CreateTicketInput> & { status?: TicketStatus; assigneeId?: string } = {},
): Promise<TicketRow> {
  const { status, assigneeId, ...overrides } = options;
  const ticket = await createTicket(ctx, actorOf(user), await ticketInput(ctx.db, overrides));
  if (!status && !assigneeId) return ticket;
  return forceTicket(ctx.db, ticket.id, {
    ...(status ? { status } : {}),
    ...(assigneeId ? { assigneeId } : {}),
  });
}

/** Puts a ticket in a state directly (test set-up only: bypasses the rules). */
export async function forceTicket(
  db: DbOrTx,
  ticketId: string,
  values: Partial<typeof tickets.$inferInsert>,
): Promise<TicketRow> {
  const [row] = await db.update(tickets).set(values).where(eq(tickets.id, ticketId)).returning();
  if (!row) throw new Error('ticket not found');
  return row;
}

/** Adds a Flex movement so the company's balance becomes what a test needs. */
export async function addFlexMinutes(
  db: DbOrTx,
  input: { contractId: string; companyId: string; minutes: number },
) {
  await db.insert(flexLedger).values({
    contractId: input.contractId,
    companyId: input.companyId,
    kind: input.minutes > 0 ? 'credit' : input.minutes < 0 ? 'debit' : 'adjustment',
    minutes: input.minutes,
    reason: 'test',
    createdAt: new Date('2026-01-02T00:00:00Z'),
  });
}

/** Row counts of the ticket tables and the outbox: "nothing half-written" checks. */
export async function ticketTableCounts(db: DbOrTx) {
  const count = async (
    table: typeof tickets | typeof ticketEvents | typeof ticketMessages | typeof outbox,
  ) => {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    return Number(row?.n ?? 0);
  };
  return {
    tickets: await count(tickets),
    events: await count(ticketEvents),
    messages: await count(ticketMessages),
    outbox: await count(outbox),
  };
}

/** Mails queued about a ticket. */
export async function mailsOf(db: DbOrTx, ticketId: string) {
  return db.select().from(outbox).where(eq(outbox.ticketId, ticketId)).orderBy(outbox.id);
}

/** Reading rows back in tests: what a change wrote, and "nothing half-written" checks. */
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../src/app/context';
import type { DbOrTx } from '../../src/db/client';
import {
  inboundMails,
  outbox,
  ticketEvents,
  ticketMessages,
  tickets,
  timeEntries,
} from '../../src/db/schema/index';

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

export async function messagesOf(ctx: AppContext, ticketId: string) {
  return ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId));
}

export async function ticketRow(ctx: AppContext, ticketId: string) {
  const [row] = await ctx.db.select().from(tickets).where(eq(tickets.id, ticketId));
  if (!row) throw new Error('ticket missing');
  return row;
}

export async function inboundRow(ctx: AppContext, id: string) {
  const [row] = await ctx.db.select().from(inboundMails).where(eq(inboundMails.id, id));
  if (!row) throw new Error('inbound mail missing');
  return row;
}

export async function entryById(ctx: AppContext, id: string) {
  const [entry] = await ctx.db.select().from(timeEntries).where(eq(timeEntries.id, id));
  return entry;
}

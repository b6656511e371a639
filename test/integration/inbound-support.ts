import { eq } from 'drizzle-orm';
import type { AppContext } from '../../src/app/context';
import { createTicket } from '../../src/app/tickets/create-ticket';
import { inboundMails, outbox, requestTypes, ticketMessages, tickets } from '../../src/db/schema/index';
import type { TestUser } from '../support/factories';
import { actorOf } from '../support/ticket-factories';

/** A support ticket opened by the customer, then put in the given status (test set-up). */
export async function ticketFor(
  ctx: AppContext,
  customer: TestUser,
  status: 'open' | 'waiting_customer' | 'in_progress' | 'closed' = 'waiting_customer',
) {
  const [assistance] = await ctx.db.select().from(requestTypes).where(eq(requestTypes.code, 'assistance'));
  const ticket = await createTicket(ctx, actorOf(customer), {
    desk: 'support',
    ...(assistance ? { requestTypeId: assistance.id } : {}),
    criticality: 'haute',
    subject: "Erreur à l'export",
    description: "L'export échoue.",
  });
  if (status === 'open') return ticket;
  const [updated] = await ctx.db
    .update(tickets)
    .set({
      status,
      ...(status === 'closed' ? { closeReason: 'solution_delivered', closedAt: ctx.clock.now() } : {}),
    })
    .where(eq(tickets.id, ticket.id))
    .returning();
  if (!updated) throw new Error('ticket not updated');
  return updated;
}

export async function messagesOf(ctx: AppContext, ticketId: string) {
  return ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId));
}

export async function ticketRow(ctx: AppContext, ticketId: string) {
  const [row] = await ctx.db.select().from(tickets).where(eq(tickets.id, ticketId));
  if (!row) throw new Error('ticket missing');
  return row;
}

export async function mailsAbout(ctx: AppContext, ticketId: string) {
  return ctx.db.select().from(outbox).where(eq(outbox.ticketId, ticketId));
}

export async function inboundRow(ctx: AppContext, id: string) {
  const [row] = await ctx.db.select().from(inboundMails).where(eq(inboundMails.id, id));
  if (!row) throw new Error('inbound mail missing');
  return row;
}

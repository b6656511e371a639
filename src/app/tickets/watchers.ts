import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { ticketWatchers, users } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { authorize, policy } from '../policy';
import { loadTicketFor } from './scope';

/**
 * A colleague of the ticket's company follows it: from now on its public mails (answers, status
 * changes by their own preference, reminders, closing) reach them too, never internal ones.
 */
export async function watchTicket(ctx: AppContext, actor: Actor, ticketId: string): Promise<void> {
  const ticket = await loadTicketFor(ctx.db, actor, ticketId);
  authorize(policy.watchTicket(actor, ticket));
  await ctx.db
    .insert(ticketWatchers)
    .values({ ticketId: ticket.id, userId: actor.userId, createdAt: ctx.clock.now() })
    .onConflictDoNothing();
}

/** Stops following a ticket (nothing to do when one did not follow it). */
export async function unwatchTicket(ctx: AppContext, actor: Actor, ticketId: string): Promise<void> {
  const ticket = await loadTicketFor(ctx.db, actor, ticketId);
  await ctx.db
    .delete(ticketWatchers)
    .where(and(eq(ticketWatchers.ticketId, ticket.id), eq(ticketWatchers.userId, actor.userId)));
}

export async function isWatching(ctx: AppContext, actor: Actor, ticketId: string): Promise<boolean> {
  if (actor.role !== 'customer') return false;
  const rows = await ctx.db
    .select({ userId: ticketWatchers.userId })
    .from(ticketWatchers)
    .where(and(eq(ticketWatchers.ticketId, ticketId), eq(ticketWatchers.userId, actor.userId)));
  return rows.length > 0;
}

/** What a mail to a follower needs of them. */
export const watcherColumns = {
  id: users.id,
  email: users.email,
  notificationEmail: users.notificationEmail,
  language: users.language,
  prefs: users.notificationPrefs,
};

/** The active customers of the ticket's company who follow it, as a public mail reaches them. */
export async function watchersOf(tx: Tx, ticket: { id: string; companyId: string }) {
  return tx
    .select(watcherColumns)
    .from(ticketWatchers)
    .innerJoin(users, eq(users.id, ticketWatchers.userId))
    .where(
      and(
        eq(ticketWatchers.ticketId, ticket.id),
        eq(users.active, true),
        eq(users.role, 'customer'),
        eq(users.companyId, ticket.companyId),
      ),
    );
}

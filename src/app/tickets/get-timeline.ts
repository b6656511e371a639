import { and, asc, eq, inArray } from 'drizzle-orm';
import { ticketEvents, ticketMessages, users } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import type { TicketEventRow } from './record-event';
import { loadTicketFor, seesInternal } from './scope';

export interface TimelineEntry {
  event: TicketEventRow;
  actor: { id: string; name: string; role: string } | null;
  message: { id: string; body: string; visibility: 'public' | 'internal'; source: 'portal' | 'mail' } | null;
}

/**
 * The ticket's history (R14): every change with who, when, before and after, and the
 * conversation in place. Customers get the public entries only; internal notes and refused
 * replies never reach them.
 */
export async function getTimeline(ctx: AppContext, actor: Actor, ticketId: string): Promise<TimelineEntry[]> {
  const ticket = await loadTicketFor(ctx.db, actor, ticketId);
  const internal = seesInternal(actor);
  const events = await ctx.db
    .select()
    .from(ticketEvents)
    .where(
      and(eq(ticketEvents.ticketId, ticket.id), internal ? undefined : eq(ticketEvents.visibility, 'public')),
    )
    .orderBy(asc(ticketEvents.id));
  const messages = await ctx.db
    .select()
    .from(ticketMessages)
    .where(
      and(
        eq(ticketMessages.ticketId, ticket.id),
        internal
          ? undefined
          : and(eq(ticketMessages.visibility, 'public'), eq(ticketMessages.refused, false)),
      ),
    );
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => Boolean(id)))];
  const people = actorIds.length
    ? await ctx.db
        .select({ id: users.id, name: users.name, role: users.role })
        .from(users)
        .where(inArray(users.id, actorIds))
    : [];
  return events.map((event) => {
    const messageId = typeof event.data.messageId === 'string' ? event.data.messageId : null;
    const message = messageId ? messages.find((m) => m.id === messageId) : undefined;
    return {
      event,
      actor: people.find((p) => p.id === event.actorId) ?? null,
      message: message
        ? { id: message.id, body: message.body, visibility: message.visibility, source: message.source }
        : null,
    };
  });
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import { requestTypes, ticketEvents, ticketMessages, users } from '../../db/schema/index';
import type { MessageFormat } from '../../domain/tickets/index';
import { shownPersonName } from '../../i18n/erased-person';
import type { Language } from '../../i18n/language';
import type { Actor, AppContext } from '../context';
import type { TicketEventRow } from './record-event';
import { loadTicketFor, seesInternal } from './scope';
import { describeEvent, type EventDescription, type TimelineRefs } from './timeline/describe-event';

export interface TimelineEntry {
  event: TicketEventRow;
  actor: { id: string; name: string; role: string } | null;
  message: {
    id: string;
    body: string;
    format: MessageFormat;
    visibility: 'public' | 'internal';
    source: 'portal' | 'mail';
  } | null;
  /** The entry as a sentence in the reader's language. */
  description: EventDescription;
}

/**
 * The ticket's history (R14): every change with who, when, before and after, and the
 * conversation in place, each entry described in the reader's language. Customers get the
 * public entries only; internal notes and refused replies never reach them.
 */
export async function getTimeline(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  language: Language,
): Promise<TimelineEntry[]> {
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
  const refs = await loadRefs(ctx, events, language);
  return events.map((event) => {
    const messageId = typeof event.data.messageId === 'string' ? event.data.messageId : null;
    const message = messageId ? messages.find((m) => m.id === messageId) : undefined;
    const person = event.actorId ? refs.users.find((p) => p.id === event.actorId) : undefined;
    return {
      event,
      actor: person ?? null,
      message: message
        ? {
            id: message.id,
            body: message.body,
            format: message.format,
            visibility: message.visibility,
            source: message.source,
          }
        : null,
      description: describeEvent({ ...event, actorName: person?.name ?? null }, refs, language),
    };
  });
}

const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The people and request types the events name by id, loaded once for the whole timeline. */
async function loadRefs(
  ctx: AppContext,
  events: TicketEventRow[],
  language: Language,
): Promise<TimelineRefs & { users: { id: string; name: string; role: string }[] }> {
  const userIds = new Set<string>();
  const typeIds = new Set<string>();
  for (const event of events) {
    if (event.actorId) userIds.add(event.actorId);
    for (const values of [event.before, event.after]) {
      if (isUuid(values?.assigneeId)) userIds.add(values.assigneeId);
      if (isUuid(values?.requestTypeId)) typeIds.add(values.requestTypeId);
    }
    if (isUuid(event.data.onBehalfOf)) userIds.add(event.data.onBehalfOf);
    if (isUuid(event.data.requestTypeId)) typeIds.add(event.data.requestTypeId);
  }
  const rows = userIds.size
    ? await ctx.db
        .select({ id: users.id, name: users.name, role: users.role, erasedAt: users.erasedAt })
        .from(users)
        .where(inArray(users.id, [...userIds]))
    : [];
  // An erased account reads as "deleted user" in the reader's language.
  const people = rows.map((p) => ({ id: p.id, name: shownPersonName(p, language), role: p.role }));
  const types = typeIds.size
    ? await ctx.db
        .select()
        .from(requestTypes)
        .where(inArray(requestTypes.id, [...typeIds]))
    : [];
  return {
    users: people,
    people: new Map(people.map((p) => [p.id, p.name])),
    requestTypes: new Map(types.map((t) => [t.id, { fr: t.nameFr, de: t.nameDe, en: t.nameEn }])),
  };
}

import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notifications, tickets, users } from '../../db/schema/index';
import type { StaffNoticeKind } from '../../domain/notifications/preferences';
import type { Actor, AppContext } from '../context';
import { authorize, policy } from '../policy';

export interface NotificationItem {
  id: string;
  kind: StaffNoticeKind;
  ticketId: string;
  ticketKey: string;
  ticketSubject: string;
  actorName: string | null;
  excerpt: string | null;
  /** SLA warnings: which target, and whether it is breached (else at risk). */
  sla: { target: 'engagement' | 'resolution'; breach: boolean } | null;
  createdAt: Date;
  readAt: Date | null;
}

const actors = alias(users, 'notice_actor');

/** My latest notices, newest first, with how many are unread. */
export async function listNotifications(
  ctx: AppContext,
  actor: Actor,
  limit = 30,
): Promise<{ items: NotificationItem[]; unread: number }> {
  authorize(policy.workAsStaff(actor));
  const rows = await ctx.db
    .select({
      id: notifications.id,
      kind: sql<StaffNoticeKind>`${notifications.kind}`,
      ticketId: notifications.ticketId,
      ticketKey: tickets.key,
      ticketSubject: tickets.subject,
      actorName: actors.name,
      data: notifications.data,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .innerJoin(tickets, eq(tickets.id, notifications.ticketId))
    .leftJoin(actors, eq(actors.id, notifications.actorId))
    .where(eq(notifications.userId, actor.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  const [unread] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return {
    items: rows.map(({ data, ...row }) => ({
      ...row,
      excerpt: typeof data.excerpt === 'string' ? data.excerpt : null,
      sla:
        data.target === 'engagement' || data.target === 'resolution'
          ? { target: data.target, breach: data.breach === true }
          : null,
    })),
    unread: Number(unread?.n ?? 0),
  };
}

/** Marks some of my notices read (all of them when no ids are given). Others' notices are untouched. */
export async function markNotificationsRead(ctx: AppContext, actor: Actor, ids?: string[]): Promise<void> {
  authorize(policy.workAsStaff(actor));
  if (ids && !ids.length) return;
  const mine = and(eq(notifications.userId, actor.userId), isNull(notifications.readAt));
  await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(ids ? and(mine, inArray(notifications.id, ids)) : mine);
}

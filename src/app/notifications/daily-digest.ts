import { and, asc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notifications, tickets, users } from '../../db/schema/index';
import { digestDayDue } from '../../domain/notifications/digest';
import { readPrefs, type StaffNoticeKind } from '../../domain/notifications/preferences';
import type { AppContext } from '../context';
import { queueMail } from '../outbox';

const actors = alias(users, 'digest_actor');
const DAY_MS = 86_400_000;

/**
 * The worker's daily digest for staff who chose it: once per Zurich day, from 07:00, a mail in
 * their language listing their unread notices of the last day. Each person's day is claimed by a
 * conditional update in the transaction that queues the mail, so two workers never send it twice;
 * a day with nothing unread is claimed without a mail.
 */
export async function sendDailyDigests(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const day = digestDayDue(now, null);
  if (!day) return 0;
  const due = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        ne(users.role, 'customer'),
        eq(users.active, true),
        sql`${users.notificationPrefs}->>'digest' = 'true'`,
        or(isNull(users.digestSentOn), sql`${users.digestSentOn} < ${day}`),
      ),
    );
  let sent = 0;
  for (const { id } of due) if (await digestOf(ctx, id, day, now)) sent++;
  return sent;
}

async function digestOf(ctx: AppContext, userId: string, day: string, now: Date): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [person] = await tx
      .update(users)
      .set({ digestSentOn: day })
      .where(and(eq(users.id, userId), or(isNull(users.digestSentOn), sql`${users.digestSentOn} < ${day}`)))
      .returning();
    if (!person || !readPrefs(person.notificationPrefs).digest) return false;
    const unread = await tx
      .select({
        kind: sql<StaffNoticeKind>`${notifications.kind}`,
        key: tickets.key,
        subject: tickets.subject,
        actorName: actors.name,
      })
      .from(notifications)
      .innerJoin(tickets, eq(tickets.id, notifications.ticketId))
      .leftJoin(actors, eq(actors.id, notifications.actorId))
      .where(
        and(
          eq(notifications.userId, userId),
          isNull(notifications.readAt),
          gt(notifications.createdAt, new Date(now.getTime() - DAY_MS)),
        ),
      )
      .orderBy(asc(notifications.createdAt))
      .limit(100);
    if (!unread.length) return false;
    await queueMail(
      tx,
      {
        template: 'staff.digest',
        recipient: person.notificationEmail ?? person.email,
        language: person.language,
        params: { name: person.name, items: unread, url: `${ctx.publicUrl}/staff` },
      },
      now,
    );
    return true;
  });
}

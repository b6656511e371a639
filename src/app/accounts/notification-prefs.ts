import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import { type NotificationPrefs, readPrefs } from '../../domain/notifications/preferences';
import type { Actor, AppContext } from '../context';

/** My notification preferences, with the defaults for what I never chose. */
export async function getNotificationPrefs(ctx: AppContext, actor: Actor): Promise<NotificationPrefs> {
  const [row] = await ctx.db
    .select({ prefs: users.notificationPrefs })
    .from(users)
    .where(eq(users.id, actor.userId));
  return readPrefs(row?.prefs);
}

/**
 * A person chooses how they hear of things: staff, which notices also come by mail (per kind) or
 * a daily digest instead; customers, which status changes are mailed to them. Each keeps the
 * other's settings untouched (a customer has no staff notices, and the reverse).
 */
export async function setNotificationPrefs(
  ctx: AppContext,
  actor: Actor,
  input: NotificationPrefs,
): Promise<NotificationPrefs> {
  const current = await getNotificationPrefs(ctx, actor);
  const next: NotificationPrefs =
    actor.role === 'customer'
      ? { ...current, statusMails: input.statusMails }
      : { ...current, mail: { ...input.mail }, digest: input.digest };
  const stored = { mail: next.mail, digest: next.digest, statusMails: next.statusMails };
  await ctx.db.update(users).set({ notificationPrefs: stored }).where(eq(users.id, actor.userId));
  return next;
}

import { and, count, eq, gt } from 'drizzle-orm';
import { oneTimeTokens } from '../../db/schema/index';
import type { AppContext } from '../context';
import { findUserByEmail } from './new-user';
import { sendPasswordReset } from './password-links';

/** At most this many reset mails per account and hour: the form cannot be used to flood a mailbox. */
export const resetMailsPerHour = 3;

/**
 * Mails a one-hour reset link when an active account has this address. The caller answers the
 * same way whether or not it has (and whether or not the hourly limit was reached): nothing tells
 * a stranger which addresses have accounts.
 */
export async function forgotPassword(ctx: AppContext, input: { email: string }): Promise<void> {
  const now = ctx.clock.now();
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user?.active) return;
  const [recent] = await ctx.db
    .select({ n: count() })
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.userId, user.id),
        eq(oneTimeTokens.purpose, 'reset_password'),
        gt(oneTimeTokens.createdAt, new Date(now.getTime() - 3_600_000)),
      ),
    );
  if (Number(recent?.n ?? 0) >= resetMailsPerHour) return;
  await ctx.db.transaction((tx) => sendPasswordReset(ctx, tx, user, now));
}

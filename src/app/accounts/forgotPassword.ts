import type { AppContext } from '../context';
import { findUserByEmail } from './newUser';
import { sendPasswordReset } from './passwordLinks';

/**
 * Mails a one-hour reset link when an active account has this address. The caller answers the
 * same way whether or not it has: nothing tells a stranger which addresses have accounts.
 */
export async function forgotPassword(ctx: AppContext, input: { email: string }): Promise<void> {
  const now = ctx.clock.now();
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user?.active) return;
  await ctx.db.transaction((tx) => sendPasswordReset(ctx, tx, user, now));
}

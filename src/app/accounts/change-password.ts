import { and, eq, ne } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { hashToken } from '../auth/tokens';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';

/**
 * A signed-in person changes their password, proving they know the current one. Their other
 * sessions are closed (a stolen session does not survive the change); the current one stays.
 */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; currentSessionToken?: string },
): Promise<void> {
  const [user] = await ctx.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, actor.userId))
    .limit(1);
  if (!(await verifyPassword(user?.passwordHash ?? null, input.currentPassword))) {
    throw new AppError('wrong_password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    const others = input.currentSessionToken
      ? and(eq(sessions.userId, actor.userId), ne(sessions.tokenHash, hashToken(input.currentSessionToken)))
      : eq(sessions.userId, actor.userId);
    await tx.delete(sessions).where(others);
  });
}

import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { oneTimeTokens, users } from '../../db/schema/index';
import { hashPassword } from '../auth/passwords';
import { deleteSessionsOf } from '../auth/sessions';
import { hashToken } from '../auth/tokens';
import type { AppContext } from '../context';
import { AppError } from '../errors/index';
import type { PasswordTokenPurpose } from './password-links';

/** A token that exists, is unused, unexpired, and whose account is still active. */
async function findUsableToken(db: DbOrTx, token: string, now: Date) {
  const [row] = await db
    .select({
      tokenHash: oneTimeTokens.tokenHash,
      userId: oneTimeTokens.userId,
      purpose: oneTimeTokens.purpose,
    })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashToken(token)),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
        eq(users.active, true),
      ),
    )
    .limit(1);
  return row;
}

/** Lets the page say at once that a link is dead, before the person types a password. */
export async function checkPasswordToken(
  ctx: AppContext,
  token: string,
): Promise<{ valid: boolean; purpose?: PasswordTokenPurpose }> {
  const row = await findUsableToken(ctx.db, token, ctx.clock.now());
  return row ? { valid: true, purpose: row.purpose } : { valid: false };
}

/**
 * Sets the password through a one-time link (welcome or reset). In one transaction: the token is
 * spent (a concurrent use of the same token finds it spent), every other pending link of the account
 * dies with it, the password is stored, and every open session of the account is closed.
 */
export async function setPassword(
  ctx: AppContext,
  input: { token: string; password: string },
): Promise<void> {
  const now = ctx.clock.now();
  // Hashing is deliberately slow: do it before the transaction, which stays short.
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const row = await findUsableToken(tx, input.token, now);
    if (!row) throw new AppError('token_invalid');
    const spent = await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.tokenHash, row.tokenHash), isNull(oneTimeTokens.usedAt)))
      .returning({ tokenHash: oneTimeTokens.tokenHash });
    if (spent.length === 0) throw new AppError('token_invalid');
    await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.userId, row.userId), isNull(oneTimeTokens.usedAt)));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId));
    await deleteSessionsOf(tx, row.userId);
  });
}

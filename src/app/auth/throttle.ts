import { eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { loginAttempts } from '../../db/schema/index';

/** Sign-in attempts allowed per window, per account and per client address. */
export const loginThrottle = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `address:${ip}`;

export type LoginAdmission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * Counts one sign-in attempt for the account and the address, and says whether it may go on.
 * Counting and deciding are one upsert: the row lock serialises parallel attempts, so forty tries
 * at once still get only `perAccount` password checks (a check-then-record pair would let them all
 * through before the first failure is written). An attempt that succeeds is handed back with
 * `refundLoginAttempt`, so only failures use up the allowance.
 */
export async function admitLoginAttempt(
  db: DbOrTx,
  email: string,
  ip: string,
  now: Date,
): Promise<LoginAdmission> {
  const windowMs = loginThrottle.windowMinutes * 60_000;
  const windowOver = sql`${loginAttempts.windowStartedAt} <= ${new Date(now.getTime() - windowMs)}`;
  // Keys are always written account first, then address: parallel statements lock rows in the
  // same order and cannot deadlock.
  const rows = await db
    .insert(loginAttempts)
    .values([
      { throttleKey: accountKey(email), windowStartedAt: now, attempts: 1 },
      { throttleKey: addressKey(ip), windowStartedAt: now, attempts: 1 },
    ])
    .onConflictDoUpdate({
      target: loginAttempts.throttleKey,
      set: {
        windowStartedAt: sql`case when ${windowOver} then excluded.window_started_at else ${loginAttempts.windowStartedAt} end`,
        attempts: sql`case when ${windowOver} then 1 else ${loginAttempts.attempts} + 1 end`,
      },
    })
    .returning();
  let retryAfterMs = 0;
  for (const row of rows) {
    const limit = row.throttleKey.startsWith('account:')
      ? loginThrottle.perAccount
      : loginThrottle.perAddress;
    if (row.attempts > limit) {
      retryAfterMs = Math.max(retryAfterMs, row.windowStartedAt.getTime() + windowMs - now.getTime());
    }
  }
  if (retryAfterMs > 0) return { admitted: false, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) };
  return { admitted: true };
}

/** A successful sign-in: the account starts afresh and the address gets its attempt back. */
export async function refundLoginAttempt(db: DbOrTx, email: string, ip: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.throttleKey, accountKey(email)));
  await db
    .update(loginAttempts)
    .set({ attempts: sql`greatest(${loginAttempts.attempts} - 1, 0)` })
    .where(eq(loginAttempts.throttleKey, addressKey(ip)));
}

/** Windows long over are worthless: trimmed as we go rather than by a separate job. */
export async function trimLoginAttempts(db: DbOrTx, now: Date): Promise<void> {
  const expired = new Date(now.getTime() - 24 * 3_600_000);
  await db.delete(loginAttempts).where(lt(loginAttempts.windowStartedAt, expired));
}

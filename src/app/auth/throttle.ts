import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { loginFailures } from '../../db/schema/index';

/** Failed sign-ins allowed per window, per account and per client address. */
export const loginThrottle = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `address:${ip}`;

/** True when either the account or the address has used up its failed attempts. */
export async function isLoginThrottled(db: DbOrTx, email: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - loginThrottle.windowMinutes * 60_000);
  const failuresFor = async (key: string) => {
    const [row] = await db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.throttleKey, key), gt(loginFailures.failedAt, since)));
    return Number(row?.n ?? 0);
  };
  return (
    (await failuresFor(accountKey(email))) >= loginThrottle.perAccount ||
    (await failuresFor(addressKey(ip))) >= loginThrottle.perAddress
  );
}

export async function recordLoginFailure(db: DbOrTx, email: string, ip: string, now: Date): Promise<void> {
  await db.insert(loginFailures).values([
    { throttleKey: accountKey(email), failedAt: now },
    { throttleKey: addressKey(ip), failedAt: now },
  ]);
  // Old rows are worthless: trim them as we go rather than with a separate job.
  const expired = new Date(now.getTime() - 24 * 3_600_000);
  await db.delete(loginFailures).where(lt(loginFailures.failedAt, expired));
}

export async function clearAccountFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.throttleKey, accountKey(email)));
}

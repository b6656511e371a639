import { createHmac, randomInt } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { recoveryCodes } from '../../db/schema/index';

export const recoveryCodeCount = 10;
/** No 0/o, 1/l/i: codes are read from paper and typed by hand. */
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A code as people may type it: any case, with or without its dash and spaces. */
export const normaliseRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, '');

/**
 * Keyed with the instance secret: the table alone does not let anyone test guesses offline.
 * The codes are random, so no slow hash is needed.
 */
const hashOf = (secret: string, userId: string, code: string): string =>
  createHmac('sha256', secret)
    .update(`${userId}:${normaliseRecoveryCode(code)}`)
    .digest('hex');

function newCode(): string {
  const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** A fresh set of codes, replacing any earlier one; shown once, only their hashes are kept. */
export async function issueRecoveryCodes(
  db: DbOrTx,
  secret: string,
  userId: string,
  now: Date,
): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, newCode);
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashOf(secret, userId, code), createdAt: now })));
  return codes;
}

/**
 * Spends a code: true once, false ever after. The conditional update is the decision, so two
 * sign-ins racing with the same code cannot both win.
 */
export async function spendRecoveryCode(
  db: DbOrTx,
  secret: string,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashOf(secret, userId, code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return spent.length > 0;
}

export async function recoveryCodesLeft(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ left: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.left ?? 0);
}

export async function dropRecoveryCodes(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

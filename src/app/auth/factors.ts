import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { passkeys } from '../../db/schema/index';
import { hasTotp } from './totp';

export type SecondFactorMethod = 'totp' | 'passkey';

/** The second factors a person has set up, in the order the sign-in page offers them. */
export async function factorsOf(db: DbOrTx, userId: string): Promise<SecondFactorMethod[]> {
  const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  const methods: SecondFactorMethod[] = [];
  if (await hasTotp(db, userId)) methods.push('totp');
  if (Number(row?.n ?? 0) > 0) methods.push('passkey');
  return methods;
}

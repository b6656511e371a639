import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { flexLedger } from '../../db/schema/index';
import { zurichDateOf } from '../../domain/calendar/index';
import { activeContract, type ContractRow } from '../admin/contracts';

export type FlexContract = ContractRow;

/** The company's Flex contract active on the Zurich date of `now`, or null (see activeContract). */
export async function activeFlexContract(
  db: DbOrTx,
  companyId: string,
  now: Date,
): Promise<FlexContract | null> {
  return activeContract(db, companyId, 'flex', zurichDateOf(now));
}

/** The balance of one Flex contract in whole minutes: the sum of its ledger, computed in SQL. */
export async function contractBalanceMinutes(db: DbOrTx, contractId: string): Promise<number> {
  const [row] = await db
    .select({ balance: sql<number>`coalesce(sum(${flexLedger.minutes}), 0)::integer` })
    .from(flexLedger)
    .where(eq(flexLedger.contractId, contractId));
  return Number(row?.balance ?? 0);
}

/**
 * The company's Flex balance in whole minutes (may be negative), or null when it has no Flex
 * contract active on the Zurich date of `now` (the injected clock's, never the database's).
 */
export async function flexBalanceMinutes(db: DbOrTx, companyId: string, now: Date): Promise<number | null> {
  const contract = await activeFlexContract(db, companyId, now);
  if (!contract) return null;
  return contractBalanceMinutes(db, contract.id);
}

import { and, desc, eq, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { contracts, flexLedger } from '../../db/schema/index';
import { zurichLocalString } from '../../domain/calendar/index';

export type FlexContract = typeof contracts.$inferSelect;

/** The Zurich calendar date of an instant, 'YYYY-MM-DD': contracts run on Swiss dates. */
export const zurichDateOf = (instant: Date): string => zurichLocalString(instant).slice(0, 10);

/**
 * The company's Flex contract active on the Zurich date of `now` (the latest started one if
 * several overlap), or null. Without `now`, the database's current date in Zurich is used.
 */
export async function activeFlexContract(
  db: DbOrTx,
  companyId: string,
  now?: Date,
): Promise<FlexContract | null> {
  const today: SQL = now ? sql`${zurichDateOf(now)}::date` : sql`(now() AT TIME ZONE 'Europe/Zurich')::date`;
  const [contract] = await db
    .select()
    .from(contracts)
    .where(
      and(
        eq(contracts.companyId, companyId),
        eq(contracts.kind, 'flex'),
        lte(contracts.startsOn, today),
        or(isNull(contracts.endsOn), gte(contracts.endsOn, today)),
      ),
    )
    .orderBy(desc(contracts.startsOn), desc(contracts.createdAt))
    .limit(1);
  return contract ?? null;
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
 * contract active today (Europe/Zurich date). Pass `ctx.clock.now()` as `now`; without it the
 * database's clock decides what "today" is.
 */
export async function flexBalanceMinutes(db: DbOrTx, companyId: string, now?: Date): Promise<number | null> {
  const contract = await activeFlexContract(db, companyId, now);
  if (!contract) return null;
  return contractBalanceMinutes(db, contract.id);
}

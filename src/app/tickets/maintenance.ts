import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { contracts } from '../../db/schema/index';
import { zurichDateOf } from '../flex/balance';

/** R1: whether the company has a maintenance contract running on today's Zurich date. */
export async function hasActiveMaintenance(db: DbOrTx, companyId: string, now: Date): Promise<boolean> {
  const today = zurichDateOf(now);
  const [row] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(
      and(
        eq(contracts.companyId, companyId),
        eq(contracts.kind, 'maintenance'),
        lte(contracts.startsOn, today),
        or(isNull(contracts.endsOn), gte(contracts.endsOn, today)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

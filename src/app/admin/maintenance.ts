import { and, desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { contracts } from '../../db/schema/index';
import { zurichDateOf } from '../../domain/calendar/index';
import { activeContract } from './contracts';

/** R1: whether the company has a maintenance contract running on today's Zurich date. */
export async function hasActiveMaintenance(db: DbOrTx, companyId: string, now: Date): Promise<boolean> {
  return (await activeContract(db, companyId, 'maintenance', zurichDateOf(now))) !== null;
}

/**
 * R1 as the customer is told it before filling any form: a contract running today, one that ended
 * (and when), or none ever signed.
 */
export type MaintenanceStanding =
  | { state: 'active'; endedOn: null }
  | { state: 'expired'; endedOn: string }
  | { state: 'none'; endedOn: null };

export async function maintenanceStanding(
  db: DbOrTx,
  companyId: string,
  now: Date,
): Promise<MaintenanceStanding> {
  const today = zurichDateOf(now);
  if (await activeContract(db, companyId, 'maintenance', today)) return { state: 'active', endedOn: null };
  const [ended] = await db
    .select({ endsOn: contracts.endsOn })
    .from(contracts)
    .where(
      and(eq(contracts.companyId, companyId), eq(contracts.kind, 'maintenance'), lt(contracts.endsOn, today)),
    )
    .orderBy(desc(contracts.endsOn))
    .limit(1);
  return ended?.endsOn ? { state: 'expired', endedOn: ended.endsOn } : { state: 'none', endedOn: null };
}

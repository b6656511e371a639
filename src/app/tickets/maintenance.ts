import type { DbOrTx } from '../../db/client';
import { activeContract, zurichToday } from '../admin/contracts';

/** R1: whether the company has a maintenance contract running on today's Zurich date. */
export async function hasActiveMaintenance(db: DbOrTx, companyId: string, now: Date): Promise<boolean> {
  return (await activeContract(db, companyId, 'maintenance', zurichToday(now))) !== null;
}

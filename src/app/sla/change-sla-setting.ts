import type { DbOrTx } from '../../db/client';
import type { Actor, AppContext } from '../context';
import { writeSetting } from '../settings';
import { completeAdminChange, recordAdminChange } from './admin-audit';
import type { SettingState } from './config';
import { recomputeOpenTickets } from './recompute-open-tickets';

/**
 * Saves an SLA setting (targets or calendar) with its audit entry in one transaction, then
 * recomputes the due times of open tickets and notes how many changed on that entry.
 */
export async function changeSlaSetting<T>(
  ctx: AppContext,
  actor: Actor,
  change: { key: string; action: string; value: T; read: (db: DbOrTx) => Promise<SettingState<T>> },
): Promise<SettingState<T> & { recomputedTickets: number }> {
  const now = ctx.clock.now();
  const auditId = await ctx.db.transaction(async (tx) => {
    const before = await change.read(tx);
    await writeSetting(tx, change.key, change.value, now, actor.userId);
    return recordAdminChange(tx, {
      actorId: actor.userId,
      action: change.action,
      before: before.value,
      after: change.value,
      at: now,
    });
  });
  const recomputedTickets = await recomputeOpenTickets(ctx, {
    actorId: actor.userId,
    reason: change.action,
    auditId,
  });
  await completeAdminChange(ctx.db, auditId, { recomputedTickets });
  return { ...(await change.read(ctx.db)), recomputedTickets };
}

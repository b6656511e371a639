import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { activeFlexContract, contractBalanceMinutes } from './balance';
import { appendMovements, checkLowBalances } from './ledger';

export interface FlexMovementResult {
  id: number;
  balanceMinutes: number;
}

/** Admin: hours bought by the company are credited to its active Flex contract. */
export async function creditFlex(
  ctx: AppContext,
  actor: Actor,
  input: { companyId: string; minutes: number | null | undefined; reason?: string | null },
): Promise<FlexMovementResult> {
  authorize(policy.administer(actor));
  const { minutes } = input;
  if (minutes == null || !Number.isSafeInteger(minutes) || minutes <= 0)
    throw new AppError('flex_amount_invalid');
  return record(ctx, actor, { ...input, minutes, kind: 'credit', reason: input.reason?.trim() || null });
}

/** Admin: a signed correction of the balance, always with its reason. */
export async function adjustFlex(
  ctx: AppContext,
  actor: Actor,
  input: { companyId: string; minutes: number; reason: string },
): Promise<FlexMovementResult> {
  authorize(policy.administer(actor));
  if (!Number.isSafeInteger(input.minutes) || input.minutes === 0) throw new AppError('flex_amount_invalid');
  const reason = input.reason.trim();
  if (!reason) throw new AppError('flex_reason_required');
  return record(ctx, actor, { ...input, kind: 'adjustment', reason });
}

async function record(
  ctx: AppContext,
  actor: Actor,
  input: { companyId: string; minutes: number; kind: 'credit' | 'adjustment'; reason: string | null },
): Promise<FlexMovementResult> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const contract = await activeFlexContract(tx, input.companyId, now);
    if (!contract) throw new AppError('flex_no_active_contract');
    const [id] = await appendMovements(
      tx,
      [{ contract, kind: input.kind, minutes: input.minutes, reason: input.reason, createdBy: actor.userId }],
      now,
    );
    await checkLowBalances(tx, [contract.id], now);
    if (id === undefined) throw new Error('ledger insert returned nothing');
    return { id, balanceMinutes: await contractBalanceMinutes(tx, contract.id) };
  });
}

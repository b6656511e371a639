/**
 * R7 configuration: the SLA targets per criticality, and a maintenance contract's own targets.
 * Every change is written to the administration audit trail and moves the due times of the open
 * tickets it concerns.
 */
import { eq } from 'drizzle-orm';
import { contracts, slaOverrides } from '../../db/schema/index';
import { resolveSlaTargets, type SlaTargets, type SlaTargetsOverride } from '../../domain/sla/index';
import type { Criticality } from '../../domain/tickets/index';
import { criticalityLabels } from '../../i18n/ticket-labels';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { completeAdminChange, recordAdminChange } from './admin-audit';
import { changeSlaSetting } from './change-sla-setting';
import { readSlaTargetsSetting, type SettingState, SLA_TARGETS_KEY } from './config';
import { recomputeOpenTickets } from './recompute-open-tickets';

export interface SlaChangeResult {
  /** Open tickets whose due times or SLA state changed. */
  recomputedTickets: number;
}

export async function getSlaTargets(ctx: AppContext, actor: Actor): Promise<SettingState<SlaTargets>> {
  authorize(policy.workAsStaff(actor));
  return readSlaTargetsSetting(ctx.db);
}

/** Replaces the global targets, then recomputes every open ticket. */
export async function updateSlaTargets(
  ctx: AppContext,
  actor: Actor,
  targets: SlaTargets,
): Promise<SettingState<SlaTargets> & SlaChangeResult> {
  authorize(policy.administer(actor));
  const next = resolveSlaTargets(targets);
  assertConsistent(next, actor);
  return changeSlaSetting(ctx, actor, {
    key: SLA_TARGETS_KEY,
    action: 'sla.targets.updated',
    value: next,
    read: readSlaTargetsSetting,
  });
}

export interface SlaOverrideState {
  contractId: string;
  companyId: string;
  /** The contract's own targets; empty when it has none. */
  override: SlaTargetsOverride;
  /** The targets in force for the contract's tickets. */
  effective: SlaTargets;
  updatedAt: Date | null;
}

export async function getSlaOverride(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
): Promise<SlaOverrideState> {
  authorize(policy.workAsStaff(actor));
  const contract = await maintenanceContract(ctx, contractId);
  const [row] = await ctx.db
    .select()
    .from(slaOverrides)
    .where(eq(slaOverrides.contractId, contractId))
    .limit(1);
  const global = (await readSlaTargetsSetting(ctx.db)).value;
  const override = row?.targets ?? {};
  return {
    contractId,
    companyId: contract.companyId,
    override,
    effective: resolveSlaTargets(global, override),
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Sets a maintenance contract's own targets (null removes them), then recomputes its company's open tickets. */
export async function setSlaOverride(
  ctx: AppContext,
  actor: Actor,
  contractId: string,
  override: SlaTargetsOverride | null,
): Promise<SlaOverrideState & SlaChangeResult> {
  authorize(policy.administer(actor));
  const contract = await maintenanceContract(ctx, contractId);
  const cleaned = override ? withoutEmpty(override) : null;
  const now = ctx.clock.now();
  const action = cleaned ? 'sla.override.updated' : 'sla.override.deleted';
  const auditId = await ctx.db.transaction(async (tx) => {
    const global = (await readSlaTargetsSetting(tx)).value;
    if (cleaned) assertConsistent(resolveSlaTargets(global, cleaned), actor);
    const [existing] = await tx
      .select()
      .from(slaOverrides)
      .where(eq(slaOverrides.contractId, contractId))
      .for('update');
    if (cleaned) {
      const set = { targets: cleaned, updatedAt: now, updatedBy: actor.userId };
      await tx
        .insert(slaOverrides)
        .values({ contractId, ...set })
        .onConflictDoUpdate({ target: slaOverrides.contractId, set });
    } else {
      await tx.delete(slaOverrides).where(eq(slaOverrides.contractId, contractId));
    }
    return recordAdminChange(tx, {
      actorId: actor.userId,
      action,
      subjectId: contractId,
      before: existing?.targets ?? null,
      after: cleaned,
      at: now,
      data: { companyId: contract.companyId },
    });
  });
  const recomputedTickets = await recomputeOpenTickets(ctx, {
    companyId: contract.companyId,
    actorId: actor.userId,
    reason: action,
    auditId,
  });
  await completeAdminChange(ctx.db, auditId, { companyId: contract.companyId, recomputedTickets });
  return { ...(await getSlaOverride(ctx, actor, contractId)), recomputedTickets };
}

async function maintenanceContract(ctx: AppContext, contractId: string) {
  const [contract] = await ctx.db.select().from(contracts).where(eq(contracts.id, contractId)).limit(1);
  if (!contract) throw new AppError('not_found');
  if (contract.kind !== 'maintenance') throw new AppError('sla_override_needs_maintenance');
  return contract;
}

function assertConsistent(targets: SlaTargets, actor: Actor): void {
  for (const [criticality, target] of Object.entries(targets) as [Criticality, SlaTargets[Criticality]][]) {
    if (target.engagementMinutes > target.resolutionMinutes) {
      throw new AppError('sla_engagement_after_resolution', {
        criticality: criticalityLabels[criticality][actor.language],
      });
    }
  }
}

/** Drops criticalities with no target given, so an override stores only what it changes. */
function withoutEmpty(override: SlaTargetsOverride): SlaTargetsOverride | null {
  const entries = Object.entries(override).filter(([, target]) => target && Object.keys(target).length > 0);
  return entries.length > 0 ? (Object.fromEntries(entries) as SlaTargetsOverride) : null;
}

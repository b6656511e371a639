import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { companies, contracts, flexAlertStates, flexLedger, users } from '../../db/schema/index';
import { nextLowBalanceState } from '../../domain/flex/index';
import { queueMail } from '../outbox';
import { contractBalanceMinutes, type FlexContract } from './balance';

export type FlexMovementKind = 'credit' | 'debit' | 'adjustment';

export interface NewMovement {
  contract: FlexContract;
  kind: FlexMovementKind;
  /** Signed whole minutes: credits positive, debits negative. */
  minutes: number;
  reason?: string | null;
  ticketId?: string | null;
  billingRunId?: string | null;
  createdBy?: string | null;
}

/** Appends movements to the ledger (never updated afterwards). */
export async function appendMovements(tx: Tx, movements: NewMovement[], now: Date): Promise<number[]> {
  if (movements.length === 0) return [];
  const rows = await tx
    .insert(flexLedger)
    .values(
      movements.map((m) => ({
        contractId: m.contract.id,
        companyId: m.contract.companyId,
        kind: m.kind,
        minutes: m.minutes,
        reason: m.reason ?? null,
        ticketId: m.ticketId ?? null,
        billingRunId: m.billingRunId ?? null,
        createdBy: m.createdBy ?? null,
        createdAt: now,
      })),
    )
    .returning({ id: flexLedger.id });
  return rows.map((r) => r.id);
}

/**
 * After movements on these contracts: re-evaluates each one's low-balance state and, when the
 * balance has just fallen below the threshold, queues 'flex.low_balance' to the company's active
 * managers. The state row is locked first, so concurrent movements warn once per crossing; contracts
 * are handled in id order so two transactions never wait on each other in a cycle.
 */
export async function checkLowBalances(tx: Tx, contractIds: string[], now: Date): Promise<void> {
  const ids = [...new Set(contractIds)].sort();
  if (ids.length === 0) return;
  await tx
    .insert(flexAlertStates)
    .values(ids.map((contractId) => ({ contractId, isLow: false, changedAt: now })))
    .onConflictDoNothing();
  const states = await tx
    .select()
    .from(flexAlertStates)
    .where(inArray(flexAlertStates.contractId, ids))
    .orderBy(asc(flexAlertStates.contractId))
    .for('update');
  for (const state of states) {
    const [contract] = await tx.select().from(contracts).where(eq(contracts.id, state.contractId));
    if (!contract) continue;
    const balance = await contractBalanceMinutes(tx, contract.id);
    const next = nextLowBalanceState(state.isLow, balance, contract.lowBalanceMinutes);
    if (next.isLow !== state.isLow) {
      await tx
        .update(flexAlertStates)
        .set({ isLow: next.isLow, changedAt: now })
        .where(eq(flexAlertStates.contractId, contract.id));
    }
    if (next.warn && contract.lowBalanceMinutes !== null) {
      await warnManagers(tx, contract, balance, contract.lowBalanceMinutes, now);
    }
  }
}

async function warnManagers(tx: Tx, contract: FlexContract, balance: number, threshold: number, now: Date) {
  const [company] = await tx
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, contract.companyId));
  const managers = await tx
    .select({
      email: users.email,
      notificationEmail: users.notificationEmail,
      language: users.language,
      name: users.name,
    })
    .from(users)
    .where(
      and(
        eq(users.companyId, contract.companyId),
        eq(users.role, 'customer'),
        eq(users.isManager, true),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.email));
  for (const manager of managers) {
    await queueMail(
      tx,
      {
        template: 'flex.low_balance',
        recipient: manager.notificationEmail ?? manager.email,
        language: manager.language,
        params: {
          companyId: contract.companyId,
          companyName: company?.name ?? '',
          contractReference: contract.reference,
          balanceMinutes: balance,
          thresholdMinutes: threshold,
          name: manager.name,
        },
      },
      now,
    );
  }
}

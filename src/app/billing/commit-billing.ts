import { inArray } from 'drizzle-orm';
import { billingRuns, timeEntries } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { activeFlexContract, type FlexContract } from '../flex/balance';
import { appendMovements, checkLowBalances, type NewMovement } from '../flex/ledger';
import { authorize, policy } from '../policy';
import {
  type BillableEntry,
  type BillingPeriod,
  billableEntries,
  checkPeriod,
  summarise,
} from './billable-entries';

export type BillingRun = typeof billingRuns.$inferSelect;

/**
 * Admin: bills the entries a preview showed, in one transaction: locks those still unbilled,
 * records the run, debits each company's Flex contract once per ticket, marks the entries billed,
 * then warns managers whose balance fell low. Entries already billed (by an earlier or concurrent
 * run) are skipped, so nothing is billed twice.
 */
export async function commitBilling(
  ctx: AppContext,
  actor: Actor,
  input: BillingPeriod & { entryIds: string[] },
): Promise<BillingRun> {
  authorize(policy.administer(actor));
  checkPeriod(input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const entries = await billableEntries(tx, input, { ids: [...new Set(input.entryIds)], lock: true });
    if (entries.length === 0) throw new AppError('billing_nothing_to_bill');
    const totals = summarise(entries);

    const contracts = new Map<string, FlexContract>();
    for (const c of totals.companies) {
      if (c.flexMinutes === 0) continue;
      const contract = await activeFlexContract(tx, c.companyId, now);
      if (!contract) throw new AppError('billing_flex_contract_missing', { company: c.companyName });
      contracts.set(c.companyId, contract);
    }

    const [run] = await tx
      .insert(billingRuns)
      .values({
        periodFrom: input.from,
        periodTo: input.to,
        status: 'committed',
        createdBy: actor.userId,
        createdAt: now,
        totals,
      })
      .returning();
    if (!run) throw new Error('billing run insert returned nothing');

    await appendMovements(tx, flexDebits(entries, contracts, run.id, actor.userId), now);
    await tx
      .update(timeEntries)
      .set({ billedAt: now, billingRunId: run.id })
      .where(
        inArray(
          timeEntries.id,
          entries.map((e) => e.id),
        ),
      );
    await checkLowBalances(
      tx,
      [...contracts.values()].map((c) => c.id),
      now,
    );
    return run;
  });
}

/** One debit per company and ticket: customers see each movement linked to its ticket. */
function flexDebits(
  entries: BillableEntry[],
  contracts: Map<string, FlexContract>,
  billingRunId: string,
  createdBy: string,
): NewMovement[] {
  const perTicket = new Map<string, { contract: FlexContract; ticketId: string; minutes: number }>();
  for (const e of entries) {
    if (e.billing !== 'flex') continue;
    const contract = contracts.get(e.companyId);
    if (!contract) continue;
    const key = `${e.companyId}:${e.ticketId}`;
    const line = perTicket.get(key) ?? { contract, ticketId: e.ticketId, minutes: 0 };
    line.minutes += e.minutes;
    perTicket.set(key, line);
  }
  return [...perTicket.values()].map((line) => ({
    contract: line.contract,
    kind: 'debit' as const,
    minutes: -line.minutes,
    ticketId: line.ticketId,
    billingRunId,
    createdBy,
  }));
}

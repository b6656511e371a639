import { overdraftMinutes } from '../../domain/flex/index';
import type { Actor, AppContext } from '../context';
import { activeFlexContract, contractBalanceMinutes } from '../flex/balance';
import { authorize, policy } from '../policy';
import {
  type BillingPeriod,
  type BillingTotals,
  billableEntries,
  checkPeriod,
  summarise,
} from './billable-entries';

export interface BillingPreview extends Omit<BillingTotals, 'companies'> {
  from: string;
  to: string;
  /** The snapshot to commit: only these entries are billed, whatever is logged meanwhile. */
  entryIds: string[];
  companies: (BillingTotals['companies'][number] & {
    flexBalanceMinutes: number | null;
    resultingBalanceMinutes: number | null;
    /**
     * Minutes below zero the balance would be at after the run (0: no overdraft). The run is
     * still allowed: see overdraftMinutes in the domain for the rule.
     */
    overdraftMinutes: number;
    /** Flex time but no active Flex contract: the commit is refused until corrected. */
    flexContractMissing: boolean;
  })[];
}

/** Admin: what a billing run over the period would bill, per company. Writes nothing. */
export async function previewBilling(
  ctx: AppContext,
  actor: Actor,
  period: BillingPeriod,
): Promise<BillingPreview> {
  authorize(policy.administer(actor));
  checkPeriod(period);
  const now = ctx.clock.now();
  const entries = await billableEntries(ctx.db, period);
  const totals = summarise(entries);
  const companies = [];
  for (const c of totals.companies) {
    const contract = await activeFlexContract(ctx.db, c.companyId, now);
    const balance = contract ? await contractBalanceMinutes(ctx.db, contract.id) : null;
    const resulting = balance === null ? null : balance - c.flexMinutes;
    companies.push({
      ...c,
      flexBalanceMinutes: balance,
      resultingBalanceMinutes: resulting,
      overdraftMinutes: resulting === null ? 0 : overdraftMinutes(resulting),
      flexContractMissing: c.flexMinutes > 0 && !contract,
    });
  }
  return { ...totals, from: period.from, to: period.to, entryIds: entries.map((e) => e.id), companies };
}

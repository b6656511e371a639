/** How the time logged on a ticket is billed (R2, R12). */
export type BillingKind = 'flex' | 'regie' | 'maintenance';

export interface TicketBillingFacts {
  desk: 'support' | 'consulting';
  /** The ticket's request type debits the Flex balance (e.g. "Solva Flex"). */
  billedToFlex: boolean;
}

/**
 * Flex-billed request types go to the Flex balance; anything on the consulting desk is billed en
 * régie; everything else is covered by the maintenance contract.
 */
export function billingKindOf(ticket: TicketBillingFacts): BillingKind {
  if (ticket.billedToFlex) return 'flex';
  if (ticket.desk === 'consulting') return 'regie';
  return 'maintenance';
}

/**
 * The low-balance warning state after a movement: a warning goes out when the balance goes from
 * at-or-above the threshold to below it; going back up re-arms it. No threshold, no warning.
 */
export function nextLowBalanceState(
  wasLow: boolean,
  balanceMinutes: number,
  thresholdMinutes: number | null,
): { isLow: boolean; warn: boolean } {
  if (thresholdMinutes === null) return { isLow: false, warn: false };
  const isLow = balanceMinutes < thresholdMinutes;
  return { isLow, warn: isLow && !wasLow };
}

/**
 * The Flex overdraft rule (R12): a billing run always bills the work that was delivered, even
 * when it takes the balance below zero, because the time was spent at the customer's request and
 * refusing to bill it would lose it. The overdraft is carried in the ledger: the next credit
 * covers it first. While the balance is not positive no new Solva Flex request can be opened
 * (R3), so an overdraft only grows by work already under way.
 *
 * Minutes below zero of a balance: 0 when the balance is zero or positive.
 */
export function overdraftMinutes(balanceMinutes: number): number {
  return balanceMinutes < 0 ? -balanceMinutes : 0;
}

export type BillingChoice =
  | { ok: true; billing: BillingKind; overridden: boolean; overrideReason: string | null }
  | { ok: false; problem: 'override_reason_required' };

/**
 * The billing of a time entry: what the ticket implies, unless staff chose otherwise, which needs a
 * reason. Choosing what the ticket implies is no override (and keeps no reason).
 */
export function chooseBilling(
  derived: BillingKind,
  requested?: BillingKind | null,
  reason?: string | null,
): BillingChoice {
  if (!requested || requested === derived) {
    return { ok: true, billing: derived, overridden: false, overrideReason: null };
  }
  const why = reason?.trim();
  if (!why) return { ok: false, problem: 'override_reason_required' };
  return { ok: true, billing: requested, overridden: true, overrideReason: why };
}

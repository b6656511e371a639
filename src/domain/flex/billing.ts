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

import type { DbOrTx } from '../../db/client';
import { activeFlexContract, contractBalanceMinutes } from '../flex/balance';
import type { RequestType } from './request-types';

/** What a company's situation allows among the request types (R3). */
export interface CompanyFlexStatus {
  hasActiveFlexContract: boolean;
  /** Whole minutes; null without an active Flex contract. */
  flexBalanceMinutes: number | null;
}

/** Error codes of the catalogue, the same the ticket creation refuses with. */
export type UnavailableReason = 'flex_contract_required' | 'flex_balance_exhausted';

export interface Availability {
  available: boolean;
  unavailableReason: UnavailableReason | null;
}

/** The company's Flex contract and balance on the Zurich date of `now`. */
export async function companyFlexStatus(
  db: DbOrTx,
  companyId: string,
  now: Date,
): Promise<CompanyFlexStatus> {
  const contract = await activeFlexContract(db, companyId, now);
  if (!contract) return { hasActiveFlexContract: false, flexBalanceMinutes: null };
  return { hasActiveFlexContract: true, flexBalanceMinutes: await contractBalanceMinutes(db, contract.id) };
}

/**
 * R3: a type that requires Flex is offered only with an active Flex contract, and refused while
 * the balance is not positive.
 */
export function availabilityOf(type: RequestType, flex: CompanyFlexStatus): Availability {
  if (!type.requiresFlex) return { available: true, unavailableReason: null };
  if (!flex.hasActiveFlexContract) return { available: false, unavailableReason: 'flex_contract_required' };
  if ((flex.flexBalanceMinutes ?? 0) <= 0) {
    return { available: false, unavailableReason: 'flex_balance_exhausted' };
  }
  return { available: true, unavailableReason: null };
}

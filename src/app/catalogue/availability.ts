import type { DbOrTx } from '../../db/client';
import type { Language } from '../../i18n/language';
import { AppError } from '../errors/index';
import { activeFlexContract, contractBalanceMinutes } from '../flex/balance';
import { type RequestType, requestTypeName } from './request-types';

/** What a company's situation allows among the request types (R3). */
export interface CompanyFlexStatus {
  hasActiveFlexContract: boolean;
  /** Whole minutes; null without an active Flex contract. */
  flexBalanceMinutes: number | null;
}

export type UnavailableReason = 'request_type_requires_flex' | 'flex_balance_not_positive';

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
  if (!flex.hasActiveFlexContract)
    return { available: false, unavailableReason: 'request_type_requires_flex' };
  if ((flex.flexBalanceMinutes ?? 0) <= 0) {
    return { available: false, unavailableReason: 'flex_balance_not_positive' };
  }
  return { available: true, unavailableReason: null };
}

/**
 * Refuses a request type the company may not use now (for ticket creation and qualification):
 * inactive, not creatable by customers (when a customer creates), Flex without contract or balance.
 */
export async function assertRequestTypeUsable(
  db: DbOrTx,
  input: { type: RequestType; companyId: string; now: Date; byCustomer: boolean; language?: Language },
): Promise<void> {
  const { type } = input;
  const name = requestTypeName(type, input.language ?? 'fr');
  if (!type.active || (input.byCustomer && !type.creatableByCustomers)) {
    throw new AppError('request_type_not_offered', { type: name });
  }
  const availability = availabilityOf(type, await companyFlexStatus(db, input.companyId, input.now));
  if (availability.unavailableReason) throw new AppError(availability.unavailableReason, { type: name });
}

import type { Tx } from '../../db/client';
import { formatDuration } from '../../i18n/format';
import type { Language } from '../../i18n/language';
import { getRequestType, type RequestType, requestTypeName } from '../catalogue/request-types';
import { AppError } from '../errors/index';
import { flexBalanceMinutes } from '../flex/balance';

/**
 * R3: the request type exists and is active, customers may only use types open to them, and a
 * type that requires Flex needs an active Flex contract and a positive balance.
 */
export async function usableRequestType(
  tx: Tx,
  input: { requestTypeId: string; companyId: string; byCustomer: boolean; now: Date; language: Language },
  /** The type as the caller read it in this transaction (undefined: it does not exist). */
  read?: { type: RequestType | undefined },
): Promise<RequestType> {
  const type = read ? read.type : await getRequestType(tx, input.requestTypeId);
  if (!type?.active || (input.byCustomer && !type.creatableByCustomers)) {
    throw new AppError('request_type_unavailable');
  }
  if (type.requiresFlex) {
    const name = requestTypeName(type, input.language);
    const balance = await flexBalanceMinutes(tx, input.companyId, input.now);
    if (balance === null) throw new AppError('flex_contract_required', { type: name });
    if (balance <= 0) {
      throw new AppError(
        'flex_balance_exhausted',
        { type: name, balance: formatDuration(balance, input.language) },
        {
          balanceMinutes: balance,
        },
      );
    }
  }
  return type;
}

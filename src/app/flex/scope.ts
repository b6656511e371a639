import type { Actor } from '../context';
import { isStaff } from '../context';
import { AppError } from '../errors/index';

/**
 * Which company's Flex a caller may read: customers their own (asking for another one is "not
 * found", like a missing one), staff the one they name.
 */
export function flexCompanyFor(actor: Actor, requestedCompanyId?: string): string {
  if (isStaff(actor)) {
    if (!requestedCompanyId) throw new AppError('not_found');
    return requestedCompanyId;
  }
  if (!actor.companyId) throw new AppError('not_found');
  if (requestedCompanyId && requestedCompanyId !== actor.companyId) throw new AppError('not_found');
  return actor.companyId;
}

/** Managers and staff see the detailed statement; other customers the balance and movements. */
export function canReadStatement(actor: Actor): boolean {
  return isStaff(actor) || actor.isManager;
}

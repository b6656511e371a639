import type { Actor } from '../context';
import { isStaff } from '../context';
import { AppError } from '../errors/index';

/**
 * Who may do what with companies, users and contracts: all staff read them (they handle those
 * companies' tickets), only administrators change them. Customers see none of it here.
 */
export function assertCanReadAdministration(actor: Actor): void {
  if (!isStaff(actor)) throw new AppError('forbidden');
}

export function assertAdministrator(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('forbidden');
}

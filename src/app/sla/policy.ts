import type { Actor } from '../context';
import { AppError } from '../errors/index';

/** All staff read the SLA configuration (they work under it); only administrators change it. */
export function assertStaff(actor: Actor): void {
  if (actor.role === 'customer') throw new AppError('forbidden');
}

export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('forbidden');
}

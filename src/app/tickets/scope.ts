import { eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { tickets } from '../../db/schema/index';
import { tableRows } from '../../db/table-rows';
import type { Actor } from '../context';
import { AppError } from '../errors/index';
import type { TicketRow } from './record-event';

/**
 * The one rule of ticket visibility: staff see every ticket, a customer only their company's.
 * Every query on tickets (read, change, list, search, attachments) goes through it; a ticket the
 * caller may not see answers not_found, the same as a missing one.
 */
export function visibleTicketsFor(actor: Actor): SQL | undefined {
  if (actor.role !== 'customer') return undefined;
  if (!actor.companyId) return sql`false`;
  return eq(tickets.companyId, actor.companyId);
}

/**
 * Loads a ticket the actor may see, or throws not_found. With `lock`, the row is locked for the
 * rest of the transaction so concurrent changes to the same ticket apply one after the other.
 */
export async function loadTicketFor(
  db: DbOrTx,
  actor: Actor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<TicketRow> {
  // Written as SQL text: every change of a ticket starts here (see `tableRows`).
  const scope = actor.role !== 'customer' ? sql`` : sql` and company_id = ${actor.companyId}`;
  if (actor.role === 'customer' && !actor.companyId) throw new AppError('not_found');
  const [row] = tableRows(
    tickets,
    await db.execute(
      sql`select * from tickets where id = ${id}${scope} limit 1${options.lock ? sql` for update` : sql``}`,
    ),
  );
  if (!row) throw new AppError('not_found');
  return row;
}

/** Whether the actor sees internal events, notes and staff-only fields. */
export const seesInternal = (actor: Actor): boolean => actor.role !== 'customer';

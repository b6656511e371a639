import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { requestTypes, tickets } from '../../db/schema/index';
import { type BillingKind, billingKindOf } from '../../domain/flex/index';
import { AppError } from '../errors/index';

export interface TicketForTime {
  id: string;
  key: string;
  companyId: string;
  projectId: string | null;
  derivedBilling: BillingKind;
}

/** The ticket time is logged on (staff see every ticket), with the billing it implies. */
export async function ticketForTime(db: DbOrTx, ticketId: string): Promise<TicketForTime> {
  const [row] = await db
    .select({
      id: tickets.id,
      key: tickets.key,
      companyId: tickets.companyId,
      projectId: tickets.projectId,
      desk: tickets.desk,
      billedToFlex: requestTypes.billedToFlex,
    })
    .from(tickets)
    .leftJoin(requestTypes, eq(requestTypes.id, tickets.requestTypeId))
    .where(eq(tickets.id, ticketId));
  if (!row) throw new AppError('not_found');
  return {
    id: row.id,
    key: row.key,
    companyId: row.companyId,
    projectId: row.projectId,
    derivedBilling: billingKindOf({ desk: row.desk, billedToFlex: row.billedToFlex ?? false }),
  };
}

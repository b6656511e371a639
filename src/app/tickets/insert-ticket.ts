import { getTableColumns, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { companies, projects, tickets, users } from '../../db/schema/index';
import { DESK_INFO, type Desk } from '../../domain/tickets/index';
import type { TicketRow } from './record-event';

/** The columns a creation gives; the desk number and key come from the desk's sequence. */
export type NewTicket = Omit<typeof tickets.$inferInsert, 'id' | 'key' | 'number'> & { desk: Desk };

/** The new ticket as stored, with the names a reader of the ticket sees next to it. */
export interface InsertedTicket {
  ticket: TicketRow;
  companyName: string;
  projectName: string | null;
  creator: PersonRow | null;
}

/** A person named on the ticket, as stored (`erasedAt` as text: only whether it is set matters). */
export interface PersonRow {
  id: string;
  name: string;
  role: string;
  erasedAt: string | null;
}

/**
 * Writes a new ticket in one statement: its number is drawn from the desk's sequence (migration
 * 0039) inside the insert, so no lock is held until the commit and creations on one desk run side
 * by side. Numbers are unique and increasing; a creation that fails after this leaves a gap.
 * The company, project and creator names come back with the row, read as the insert sees them
 * (the customer's row-level security applies), so answering the creation reads nothing again.
 */
export async function insertTicket(tx: Tx, values: NewTicket): Promise<InsertedTicket> {
  // A volatile CTE is evaluated once: the number and the key carry the same value.
  const drawn = tx
    .$with('drawn', { number: sql<number>`number` })
    .as(sql`select nextval(${`ticket_number_${values.desk}`}::regclass)::integer as number`);
  const [row] = await tx
    .with(drawn)
    .insert(tickets)
    .values({
      ...values,
      number: sql`(select number from drawn)`,
      key: sql`${`${DESK_INFO[values.desk].keyPrefix}-`}::text || (select number from drawn)`,
    })
    .returning({
      ...getTableColumns(tickets),
      companyName: sql<
        string | null
      >`(select ${companies.name} from ${companies} where ${companies.id} = ${tickets.companyId})`,
      projectName: sql<
        string | null
      >`(select ${projects.name} from ${projects} where ${projects.id} = ${tickets.projectId})`,
      creator: sql<PersonRow | null>`(select json_build_object('id', ${users.id}, 'name', ${users.name},
        'role', ${users.role}, 'erasedAt', ${users.erasedAt}) from ${users} where ${users.id} = ${tickets.createdBy})`,
    });
  if (!row) throw new Error('ticket insert returned nothing');
  const { companyName, projectName, creator, ...ticket } = row;
  return {
    ticket,
    companyName: companyName ?? '',
    projectName,
    creator,
  };
}

import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { tickets } from '../../db/schema/index';
import { tableRows } from '../../db/table-rows';
import { DESK_INFO, type Desk } from '../../domain/tickets/index';
import type { TicketRow } from './record-event';

/** The columns a creation gives (the others keep their defaults); number and key come from the desk. */
export type NewTicket = Pick<
  typeof tickets.$inferInsert,
  | 'companyId'
  | 'projectId'
  | 'requestTypeId'
  | 'criticality'
  | 'status'
  | 'subject'
  | 'description'
  | 'descriptionFormat'
  | 'softwareVersion'
  | 'societe'
  | 'module'
  | 'createdBy'
  | 'linkedTicketId'
  | 'createdAt'
  | 'updatedAt'
  | 'lastCustomerActivityAt'
  | 'engagementDueAt'
  | 'resolutionDueAt'
  | 'slaState'
> & { desk: Desk };

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
 * Written as SQL text: it runs on every creation (see `tableRows`).
 */
export async function insertTicket(tx: Tx, values: NewTicket): Promise<InsertedTicket> {
  const at = (instant: Date | null | undefined) => instant?.toISOString() ?? null;
  // A volatile CTE is evaluated once: the number and the key carry the same value.
  const result = await tx.execute(sql`
    with drawn as (select nextval(${`ticket_number_${values.desk}`}::regclass)::integer as number)
    insert into tickets (desk, key, number, company_id, project_id, request_type_id, criticality, status,
                         subject, description, description_format, software_version, societe, module,
                         created_by, linked_ticket_id, created_at, updated_at, last_customer_activity_at,
                         engagement_due_at, resolution_due_at, sla_state)
    values (${values.desk}, ${`${DESK_INFO[values.desk].keyPrefix}-`}::text || (select number from drawn),
            (select number from drawn), ${values.companyId}, ${values.projectId ?? null},
            ${values.requestTypeId ?? null}, ${values.criticality}, ${values.status ?? 'open'},
            ${values.subject}, ${values.description}, ${values.descriptionFormat ?? 'plain'},
            ${values.softwareVersion ?? null}, ${values.societe ?? null}, ${values.module ?? null},
            ${values.createdBy}, ${values.linkedTicketId ?? null}, ${at(values.createdAt)},
            ${at(values.updatedAt)}, ${at(values.lastCustomerActivityAt)}, ${at(values.engagementDueAt)},
            ${at(values.resolutionDueAt)}, ${values.slaState ?? null})
    returning *,
      (select name from companies where companies.id = tickets.company_id) as opened_company_name,
      (select name from projects where projects.id = tickets.project_id) as opened_project_name,
      (select json_build_object('id', users.id, 'name', users.name, 'role', users.role,
                                'erasedAt', users.erased_at)
         from users where users.id = tickets.created_by) as opened_creator`);
  const [ticket] = tableRows(tickets, result);
  const [names] = (
    result as unknown as {
      rows: {
        opened_company_name: string | null;
        opened_project_name: string | null;
        opened_creator: unknown;
      }[];
    }
  ).rows;
  if (!ticket || !names) throw new Error('ticket insert returned nothing');
  return {
    ticket,
    companyName: names.opened_company_name ?? '',
    projectName: names.opened_project_name,
    creator: personRow(names.opened_creator),
  };
}

/** The creator's JSON object (node-postgres parses it, PGlite may hand the text). */
function personRow(value: unknown): PersonRow | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as PersonRow;
}

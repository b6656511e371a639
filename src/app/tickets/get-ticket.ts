import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { companies, projects, requestTypes, tickets, ticketWatchers, users } from '../../db/schema/index';
import { nextStatuses, type TicketStatus } from '../../domain/tickets/index';
import { shownPersonName } from '../../i18n/erased-person';
import type { Language } from '../../i18n/language';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { policy } from '../policy';
import type { TicketRow } from './record-event';
import { requestTypeColumns } from './request-type-columns';
import { visibleTicketsFor } from './scope';
import { type WaitingSchedule, waitingSchedule } from './waiting-schedule';

export interface PersonRef {
  id: string;
  name: string;
  role: string;
}

/** What the caller may do with the ticket, so the client never re-derives the rules. */
export interface TicketAbilities {
  nextStatuses: TicketStatus[];
  canQualify: boolean;
  canTake: boolean;
  canAssign: boolean;
  canAnswer: boolean;
  canAddInternalNote: boolean;
  canClose: boolean;
  canWatch: boolean;
}

export interface TicketDetail {
  ticket: TicketRow;
  companyName: string;
  requestType: { id: string; code: string; nameFr: string; nameDe: string; nameEn: string } | null;
  project: { id: string; name: string } | null;
  creator: PersonRef | null;
  assignee: PersonRef | null;
  abilities: TicketAbilities;
  /** The caller follows the ticket (a colleague of its company). */
  watching: boolean;
  /** R9 dates while the ticket waits on the customer (both sides see them). */
  waitingSchedule: WaitingSchedule | null;
}

const creators = alias(users, 'creator');
const assignees = alias(users, 'assignee');

/**
 * One ticket with the names around it, in one query; customers only reach their company's
 * tickets (anything else is not found).
 */
export async function getTicket(ctx: AppContext, actor: Actor, ticketId: string): Promise<TicketDetail> {
  const watching =
    actor.role === 'customer'
      ? sql<boolean>`exists (select 1 from ${ticketWatchers} where ${ticketWatchers.ticketId} = ${tickets.id} and ${ticketWatchers.userId} = ${actor.userId})`
      : sql<boolean>`false`;
  const [row] = await ctx.db
    .select({
      ticket: tickets,
      companyName: companies.name,
      requestType: requestTypeColumns,
      project: { id: projects.id, name: projects.name },
      creator: { id: creators.id, name: creators.name, role: creators.role, erasedAt: creators.erasedAt },
      assignee: {
        id: assignees.id,
        name: assignees.name,
        role: assignees.role,
        erasedAt: assignees.erasedAt,
      },
      watching,
    })
    .from(tickets)
    .leftJoin(companies, eq(companies.id, tickets.companyId))
    .leftJoin(requestTypes, eq(requestTypes.id, tickets.requestTypeId))
    .leftJoin(projects, eq(projects.id, tickets.projectId))
    .leftJoin(creators, eq(creators.id, tickets.createdBy))
    .leftJoin(assignees, eq(assignees.id, tickets.assigneeId))
    .where(and(eq(tickets.id, ticketId), visibleTicketsFor(actor)))
    .limit(1)
    .prepare(statementName(actor))
    .execute();
  if (!row) throw new AppError('not_found');
  const { ticket } = row;
  return {
    ticket,
    companyName: row.companyName ?? '',
    requestType: row.requestType,
    project: row.project,
    creator: personRef(row.creator, actor.language),
    assignee: personRef(row.assignee, actor.language),
    abilities: abilitiesOf(actor, ticket),
    watching: Boolean(row.watching),
    waitingSchedule: await waitingSchedule(ctx.db, ticket),
  };
}

/**
 * The detail of a ticket the actor has just created, from what the creation read and wrote, as
 * `getTicket` would read it then: nobody is assigned to it or follows it yet, and it does not wait.
 */
export function createdTicketDetail(
  actor: Actor,
  created: {
    ticket: TicketRow;
    companyName: string;
    requestType: TicketDetail['requestType'];
    projectName: string | null;
    creator: (PersonRef & { erasedAt: Date | string | null }) | null;
  },
): TicketDetail {
  const { ticket } = created;
  return {
    ticket,
    companyName: created.companyName,
    requestType: created.requestType,
    project:
      ticket.projectId && created.projectName !== null
        ? { id: ticket.projectId, name: created.projectName }
        : null,
    creator: personRef(created.creator, actor.language),
    assignee: null,
    abilities: abilitiesOf(actor, ticket),
    watching: false,
    waitingSchedule: null,
  };
}

/**
 * The query is a named (prepared) statement, one per shape: the database plans a join of six
 * tables once per connection instead of on every read, which cost more than running it. Staff and
 * customers never share one, so neither's plan is made under the other's row-level security.
 */
function statementName(actor: Actor): string {
  if (actor.role !== 'customer') return 'guichet_ticket_staff';
  return actor.companyId ? 'guichet_ticket_customer' : 'guichet_ticket_no_company';
}

/** A person as the ticket names them: an erased account as "deleted user" in the reader's language. */
function personRef(
  person: (PersonRef & { erasedAt: Date | string | null }) | null,
  language: Language,
): PersonRef | null {
  if (!person) return null;
  return { id: person.id, name: shownPersonName(person, language), role: person.role };
}

/** What the actor may do with the ticket: the policy's own predicates, so the two cannot drift. */
export function abilitiesOf(actor: Actor, ticket: TicketRow): TicketAbilities {
  return {
    nextStatuses: nextStatuses(ticket.status, actor.role, ticket.desk),
    canQualify: policy.qualifyTicket(actor, ticket),
    canTake: policy.takeTicket(actor, ticket),
    canAssign: policy.assignTicket(actor, ticket),
    canAnswer: policy.answerTicket(actor, ticket),
    canAddInternalNote: policy.addInternalNote(actor, ticket),
    canClose: policy.closeTicket(actor, ticket),
    canWatch: policy.watchTicket(actor, ticket),
  };
}

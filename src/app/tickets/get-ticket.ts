import { eq, inArray } from 'drizzle-orm';
import { companies, projects, requestTypes, users } from '../../db/schema/index';
import { nextStatuses, type TicketStatus } from '../../domain/tickets/index';
import type { Actor, AppContext } from '../context';
import { policy } from '../policy';
import type { TicketRow } from './record-event';
import { loadTicketFor } from './scope';
import { type WaitingSchedule, waitingSchedule } from './waiting-schedule';
import { isWatching } from './watchers';

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

/** One ticket with the names around it; customers only reach their company's tickets. */
export async function getTicket(ctx: AppContext, actor: Actor, ticketId: string): Promise<TicketDetail> {
  const ticket = await loadTicketFor(ctx.db, actor, ticketId);
  const [company] = await ctx.db
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, ticket.companyId));
  const [requestType] = ticket.requestTypeId
    ? await ctx.db
        .select({
          id: requestTypes.id,
          code: requestTypes.code,
          nameFr: requestTypes.nameFr,
          nameDe: requestTypes.nameDe,
          nameEn: requestTypes.nameEn,
        })
        .from(requestTypes)
        .where(eq(requestTypes.id, ticket.requestTypeId))
    : [];
  const [project] = ticket.projectId
    ? await ctx.db
        .select({ id: projects.id, name: projects.name })
        .from(projects)
        .where(eq(projects.id, ticket.projectId))
    : [];
  const personIds = [ticket.createdBy, ticket.assigneeId].filter((id): id is string => Boolean(id));
  const people = await ctx.db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(inArray(users.id, personIds));
  const person = (id: string | null) => people.find((p) => p.id === id) ?? null;
  return {
    ticket,
    companyName: company?.name ?? '',
    requestType: requestType ?? null,
    project: project ?? null,
    creator: person(ticket.createdBy),
    assignee: person(ticket.assigneeId),
    abilities: abilitiesOf(actor, ticket),
    watching: await isWatching(ctx, actor, ticket.id),
    waitingSchedule: await waitingSchedule(ctx.db, ticket),
  };
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

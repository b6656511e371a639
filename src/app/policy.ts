/**
 * Who may do what: each permission is one predicate over (actor, resource), stated once. The
 * application functions authorise with these (`authorize(policy.x(actor, …))`) and the presenters
 * tell the client what it may do from the very same predicates, so the two cannot drift. Roles are
 * checked here and in the application layer only; the HTTP layer authenticates.
 */
import { handlesDesk } from '../domain/tickets/index';
import type { Actor } from './context';
import { isStaff } from './context';
import { AppError, type ErrorCode } from './errors/index';

/** The parts of a ticket its permissions depend on. */
export interface TicketFacts {
  desk: 'support' | 'consulting';
  status: string;
  assigneeId: string | null;
}

const isAdmin = (actor: Actor): boolean => actor.role === 'admin';
const open = (ticket: TicketFacts): boolean => ticket.status !== 'closed';
/** Staff who work the ticket's desk: agents support, consultants consulting, admins both. */
const worksDesk = (actor: Actor, ticket: TicketFacts): boolean =>
  actor.role !== 'customer' && handlesDesk(actor.role, ticket.desk);

/** Taking a qualified ticket, or one transferred to Consulting, moves it to in_progress. */
export const startsWorkWhenTaken = (status: string): boolean =>
  status === 'qualified' || status === 'transferred_consulting';

export const policy = {
  /** Settings, catalogue, companies, users, contracts, content, mail and outbox administration. */
  administer: (actor: Actor): boolean => isAdmin(actor),
  /** Staff read the administration (companies, contracts, SLA, settings) they work under. */
  readAdministration: (actor: Actor): boolean => isStaff(actor),
  /** Staff-only work that belongs to no single ticket: queues, views, projects, time. */
  workAsStaff: (actor: Actor): boolean => isStaff(actor),
  /** A time entry is changed by whoever logged it, or by an administrator. */
  changeTimeEntry: (actor: Actor, entry: { userId: string }): boolean =>
    entry.userId === actor.userId || isAdmin(actor),

  /** Shared canned answers are kept by admins; personal ones by their owner alone. */
  editCannedAnswer: (actor: Actor, answer: { ownerId: string | null }): boolean =>
    isStaff(actor) && (answer.ownerId === null ? isAdmin(actor) : answer.ownerId === actor.userId),

  /** Personal API tokens: every account keeps its own. Integration tokens are the admins'. */
  keepApiToken: (actor: Actor, token: { kind: 'personal' | 'integration'; ownerId: string }): boolean =>
    token.kind === 'integration' ? isAdmin(actor) : token.ownerId === actor.userId,

  /**
   * Webhook endpoints send ticket data out of the portal, to an address of the admin's choosing,
   * and may be allowed into the private network: administrators only.
   */
  keepWebhooks: (actor: Actor): boolean => isAdmin(actor),

  /** Handling a ticket at all (status, criticality, references) needs its desk. */
  workTicket: (actor: Actor, ticket: TicketFacts): boolean => worksDesk(actor, ticket),
  qualifyTicket: (actor: Actor, ticket: TicketFacts): boolean => worksDesk(actor, ticket) && open(ticket),
  /**
   * Taking in charge: an open ticket must be qualified first (R5); taking a ticket one already
   * has changes nothing unless it starts the work on it.
   */
  takeTicket: (actor: Actor, ticket: TicketFacts): boolean =>
    worksDesk(actor, ticket) &&
    open(ticket) &&
    ticket.status !== 'open' &&
    (ticket.assigneeId !== actor.userId || startsWorkWhenTaken(ticket.status)),
  assignTicket: (actor: Actor, ticket: TicketFacts): boolean => worksDesk(actor, ticket) && open(ticket),
  /** Customers answer their company's tickets (scoping limits them to those); staff their desk's. */
  answerTicket: (actor: Actor, ticket: TicketFacts): boolean =>
    open(ticket) && (actor.role === 'customer' || worksDesk(actor, ticket)),
  addInternalNote: (actor: Actor, ticket: TicketFacts): boolean => open(ticket) && isStaff(actor),
  closeTicket: (_actor: Actor, ticket: TicketFacts): boolean => open(ticket),
  /**
   * A colleague of the ticket's company follows it to get its public mails (scoping limits
   * customers to their company's tickets); its creator gets them already.
   */
  /** The satisfaction survey of a closed ticket is the customers' (scoping limits them to their company). */
  answerSurvey: (actor: Actor, ticket: TicketFacts): boolean =>
    actor.role === 'customer' && ticket.status === 'closed',
  /**
   * Exporting what the portal holds about a company or a person (GDPR): administrators for anyone,
   * a customer manager for their own company and its people.
   */
  exportPersonalData: (actor: Actor, subject: { companyId: string | null }): boolean =>
    isAdmin(actor) ||
    (actor.role === 'customer' &&
      actor.isManager &&
      subject.companyId !== null &&
      subject.companyId === actor.companyId),
  /** Erasing a person's data is the administrators', and never their own account. */
  erasePerson: (actor: Actor, person: { id: string }): boolean =>
    isAdmin(actor) && person.id !== actor.userId,
  watchTicket: (actor: Actor, ticket: TicketFacts & { createdBy: string }): boolean =>
    actor.role === 'customer' && ticket.createdBy !== actor.userId,
} as const;

/** Throws the catalogue error (by default `forbidden`) when a permission is not granted. */
export function authorize(granted: boolean, code: ErrorCode = 'forbidden'): void {
  if (!granted) throw new AppError(code);
}

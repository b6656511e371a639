import type { Desk, StaffRole } from './desks';
import { handlesDesk } from './desks';
import { CLOSE_REASONS, type CloseReason, TICKET_STATUSES, type TicketStatus } from './statuses';

/** Who asks for a change: a person's role, or the system (timers such as R9's auto-close). */
export type TransitionRole = StaffRole | 'customer' | 'system';
export const TRANSITION_ROLES: readonly TransitionRole[] = [
  'agent',
  'consultant',
  'admin',
  'customer',
  'system',
];

/** Fields a transition cannot happen without. */
export type RequiredField = 'rpcReference' | 'spcReference' | 'closeReason';

export interface TransitionRule {
  from: TicketStatus;
  to: TicketStatus;
  /** Roles that may ask for this change explicitly. Staff also need to work the ticket's desk. */
  roles: readonly TransitionRole[];
  /** Roles for whom this change happens by itself when they post a public reply. */
  onReplyBy?: readonly TransitionRole[];
  requires: readonly RequiredField[];
  /** When set, the ticket must currently be on one of these desks. */
  fromDesks?: readonly Desk[];
}

const STAFF: readonly TransitionRole[] = ['agent', 'consultant', 'admin'];
const OPEN_STATUSES = TICKET_STATUSES.filter((s) => s !== 'closed');

/**
 * R6, the one table of allowed status changes. Anything not listed is refused.
 *
 * - open → qualified: qualification (type and criticality confirmed, R5).
 * - qualified → in_progress: a staff member takes the ticket.
 * - in_progress ⇄ waiting_customer: a question to the customer; the customer's reply brings it back.
 * - in_progress ⇄ waiting_development (RPC reference) and ⇄ transferred_development (SPC reference);
 *   an RPC analysis can become an SPC correction directly.
 * - any non-closed support ticket → transferred_consulting: the ticket moves to the consulting desk
 *   (keeping its key) where a consultant takes it → in_progress.
 * - any non-closed → closed, with a reason; customers close with `closed_by_customer`; the system
 *   closes silent tickets waiting on the customer (R9, `no_answer`). Closed is final.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  { from: 'open', to: 'qualified', roles: STAFF, requires: [] },
  { from: 'qualified', to: 'in_progress', roles: STAFF, requires: [] },
  { from: 'in_progress', to: 'waiting_customer', roles: STAFF, requires: [] },
  { from: 'waiting_customer', to: 'in_progress', roles: STAFF, onReplyBy: ['customer'], requires: [] },
  { from: 'in_progress', to: 'waiting_development', roles: STAFF, requires: ['rpcReference'] },
  { from: 'waiting_development', to: 'in_progress', roles: STAFF, requires: [] },
  { from: 'in_progress', to: 'transferred_development', roles: STAFF, requires: ['spcReference'] },
  { from: 'waiting_development', to: 'transferred_development', roles: STAFF, requires: ['spcReference'] },
  { from: 'transferred_development', to: 'in_progress', roles: STAFF, requires: [] },
  ...OPEN_STATUSES.filter((from) => from !== 'transferred_consulting').map(
    (from): TransitionRule => ({
      from,
      to: 'transferred_consulting',
      roles: ['agent', 'admin'],
      requires: [],
      fromDesks: ['support'],
    }),
  ),
  { from: 'transferred_consulting', to: 'in_progress', roles: ['consultant', 'admin'], requires: [] },
  ...OPEN_STATUSES.map(
    (from): TransitionRule => ({
      from,
      to: 'closed',
      roles: from === 'waiting_customer' ? [...STAFF, 'customer', 'system'] : [...STAFF, 'customer'],
      requires: ['closeReason'],
    }),
  ),
];

const STAFF_CLOSE_REASONS: readonly CloseReason[] = CLOSE_REASONS.filter((reason) => reason !== 'retention');

/** Which close reasons each role may give. */
export const CLOSE_REASONS_OF_ROLE: Record<TransitionRole, readonly CloseReason[]> = {
  agent: STAFF_CLOSE_REASONS,
  consultant: STAFF_CLOSE_REASONS,
  admin: STAFF_CLOSE_REASONS,
  customer: ['closed_by_customer'],
  system: ['no_answer', 'retention'],
};

export const findTransition = (from: TicketStatus, to: TicketStatus): TransitionRule | undefined =>
  TRANSITIONS.find((rule) => rule.from === from && rule.to === to);

export interface TransitionRequest {
  from: TicketStatus;
  to: TicketStatus;
  role: TransitionRole;
  desk: Desk;
  /** True when the change is the side effect of a public reply by `role`. */
  viaReply?: boolean;
  rpcReference?: string | null;
  spcReference?: string | null;
  closeReason?: CloseReason | null;
}

export type TransitionRefusal =
  | { ok: false; reason: 'closed_is_final' }
  | { ok: false; reason: 'not_allowed' }
  | { ok: false; reason: 'role_not_allowed' }
  | { ok: false; reason: 'wrong_desk' }
  | { ok: false; reason: 'missing_field'; field: RequiredField }
  | { ok: false; reason: 'close_reason_not_allowed'; allowed: readonly CloseReason[] };

export type TransitionCheck = { ok: true; rule: TransitionRule } | TransitionRefusal;

/** Decides whether a status change may happen, and if not, why. */
export function checkTransition(request: TransitionRequest): TransitionCheck {
  const { from, to, role } = request;
  if (from === 'closed') return { ok: false, reason: 'closed_is_final' };
  const rule = findTransition(from, to);
  if (!rule) return { ok: false, reason: 'not_allowed' };
  const roles = request.viaReply ? (rule.onReplyBy ?? []) : rule.roles;
  if (!roles.includes(role)) return { ok: false, reason: 'role_not_allowed' };
  if (rule.fromDesks && !rule.fromDesks.includes(request.desk)) return { ok: false, reason: 'not_allowed' };
  if (role !== 'customer' && role !== 'system' && !handlesDesk(role, request.desk)) {
    return { ok: false, reason: 'wrong_desk' };
  }
  for (const field of rule.requires) {
    const value = request[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      return { ok: false, reason: 'missing_field', field };
    }
  }
  if (rule.to === 'closed' && request.closeReason) {
    const allowed = CLOSE_REASONS_OF_ROLE[role];
    if (!allowed.includes(request.closeReason))
      return { ok: false, reason: 'close_reason_not_allowed', allowed };
  }
  return { ok: true, rule };
}

/** Statuses reachable from `from` by `role` on `desk`, ignoring required fields: what a UI offers. */
export function nextStatuses(from: TicketStatus, role: TransitionRole, desk: Desk): TicketStatus[] {
  return TRANSITIONS.filter((rule) => rule.from === from)
    .filter((rule) => {
      const check = checkTransition({
        from,
        to: rule.to,
        role,
        desk,
        rpcReference: 'x',
        spcReference: 'x',
        closeReason: CLOSE_REASONS_OF_ROLE[role][0] ?? null,
      });
      return check.ok;
    })
    .map((rule) => rule.to);
}

/** The desk a ticket is on after a change: transferring to Consulting moves it there. */
export const deskAfter = (desk: Desk, to: TicketStatus): Desk =>
  to === 'transferred_consulting' ? 'consulting' : desk;

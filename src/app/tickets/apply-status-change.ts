import type { Tx } from '../../db/client';
import {
  type CloseReason,
  checkTransition,
  DESK_INFO,
  deskAfter,
  type TicketStatus,
  type TransitionRole,
} from '../../domain/tickets/index';
import type { Language } from '../../i18n/language';
import { statusLabels } from '../../i18n/ticket-labels';
import type { Actor } from '../context';
import { AppError } from '../errors/index';
import { issueSurvey, issueSurveys } from './issue-survey';
import { mailTicketCreator, queueCreatorMails } from './notify';
import {
  recordEvent,
  type TicketChange,
  type TicketEventKind,
  type TicketEventRow,
  type TicketPatch,
  type TicketRow,
} from './record-event';
import { recordEvents } from './record-events';

export interface StatusChange {
  ticket: TicketRow;
  /** Null when the system acts (R9 auto-close). */
  actor: Actor | null;
  to: TicketStatus;
  now: Date;
  rpcReference?: string | null;
  spcReference?: string | null;
  closeReason?: CloseReason | null;
  /** The change is the effect of a public reply by the actor (customer reply in waiting_customer). */
  viaReply?: boolean;
  /** Other fields to change in the same event (e.g. the assignee when taking). */
  extraPatch?: TicketPatch;
  kind?: TicketEventKind;
  data?: Record<string, unknown>;
  /** False when the caller sends a more specific mail for the same operation. */
  mail?: boolean;
}

/**
 * Every change of status goes through here: the R6 table decides, the ticket's fields follow
 * (references, desk, close reason, assignee on pick-up), one public event is recorded, and the
 * customer contact is mailed 'ticket.status_changed'.
 */
export async function applyStatusChange(tx: Tx, change: StatusChange): Promise<StatusChangeResult> {
  const { actor, to, now } = change;
  const from = change.ticket.status;
  const result = await recordEvent(tx, statusEventOf(change));
  const surveyToken =
    to === 'closed' ? await issueSurvey(tx, result.ticket, now, { automatic: actor === null }) : null;
  if (change.mail !== false) {
    const closing = to === 'closed' ? { closeReason: change.closeReason, ...surveyParam(surveyToken) } : {};
    await mailTicketCreator(tx, {
      ticket: result.ticket,
      template: 'ticket.status_changed',
      params: { from, to, ...closing },
      actorId: actor?.userId ?? null,
      now,
      statusTo: to,
    });
  }
  return { ...result, surveyToken };
}

/**
 * `applyStatusChange` for many tickets at once, each changed by the system (R9 closings): the
 * events recorded together (see recordEvents), the surveys issued together, and the mails the
 * changes send queued in one statement. Each result is what `applyStatusChange` returns.
 */
export async function applyStatusChanges(
  tx: Tx,
  changes: readonly (StatusChange & { actor: null })[],
): Promise<StatusChangeResult[]> {
  if (!changes.length) return [];
  const recorded = await recordEvents(tx, changes.map(statusEventOf));
  const now = changes[0]?.now ?? new Date();
  const tokens = await issueSurveys(
    tx,
    recorded.filter((_, i) => changes[i]?.to === 'closed').map((r) => r.ticket),
    now,
    { automatic: true },
  );
  const results = recorded.map(({ ticket, event }) => ({
    ticket,
    event,
    surveyToken: tokens.get(ticket.id) ?? null,
  }));
  const mailed = changes.flatMap((change, i) => {
    const result = results[i];
    if (change.mail === false || !result) return [];
    const { to } = change;
    const closing =
      to === 'closed' ? { closeReason: change.closeReason, ...surveyParam(result.surveyToken) } : {};
    return [
      {
        ticket: result.ticket,
        template: 'ticket.status_changed',
        params: { from: change.ticket.status, to, ...closing },
        actorId: null,
        now: change.now,
        statusTo: to,
      },
    ];
  });
  await queueCreatorMails(tx, mailed);
  return results;
}

/** The R6 table's verdict on a change, and the event that records it (throws when refused). */
function statusEventOf(change: StatusChange): TicketChange {
  const { ticket, actor, to, now } = change;
  const from = ticket.status;
  const role: TransitionRole = actor ? actor.role : 'system';
  const language: Language = actor?.language ?? 'fr';
  if (from === 'closed') throw new AppError('ticket_is_closed');
  const check = checkTransition({
    from,
    to,
    role,
    desk: ticket.desk,
    viaReply: change.viaReply ?? false,
    rpcReference: change.rpcReference ?? null,
    spcReference: change.spcReference ?? null,
    closeReason: change.closeReason ?? null,
  });
  if (!check.ok) {
    const params = { from: statusLabels[from][language], to: statusLabels[to][language] };
    switch (check.reason) {
      case 'closed_is_final':
        throw new AppError('ticket_is_closed');
      case 'not_allowed':
        throw new AppError('transition_not_allowed', params, { from, to });
      case 'role_not_allowed':
        throw new AppError('transition_forbidden', params, { from, to });
      case 'wrong_desk':
        throw new AppError('wrong_desk', { desk: DESK_INFO[ticket.desk].label[language] });
      case 'missing_field':
        throw new AppError(
          check.field === 'rpcReference'
            ? 'rpc_reference_required'
            : check.field === 'spcReference'
              ? 'spc_reference_required'
              : 'close_reason_required',
        );
      case 'close_reason_not_allowed':
        throw new AppError('close_reason_not_allowed', {}, { allowed: check.allowed });
    }
  }

  const patch: TicketPatch = { status: to, ...change.extraPatch };
  if (to === 'waiting_development') patch.rpcReference = change.rpcReference?.trim() ?? null;
  if (to === 'transferred_development') patch.spcReference = change.spcReference?.trim() ?? null;
  if (to === 'qualified') patch.qualifiedAt = now;
  if (to === 'closed') {
    patch.closeReason = change.closeReason ?? null;
    patch.closedAt = now;
  }
  const desk = deskAfter(ticket.desk, to);
  if (desk !== ticket.desk) {
    patch.desk = desk;
    // The consulting desk picks it up afresh.
    patch.assigneeId = null;
  }
  const pickedUp = to === 'in_progress' && (from === 'qualified' || from === 'transferred_consulting');
  if (pickedUp && actor && actor.role !== 'customer' && !('assigneeId' in patch) && !ticket.assigneeId) {
    patch.assigneeId = actor.userId;
  }

  return {
    ticket,
    actorId: actor?.userId ?? null,
    kind: change.kind ?? defaultKind(from, to),
    visibility: 'public',
    patch,
    data: { ...change.data, ...(to === 'closed' ? { closeReason: change.closeReason } : {}) },
    now,
  };
}

export interface StatusChangeResult {
  ticket: TicketRow;
  event: TicketEventRow;
  /** The closing's satisfaction survey token, for the closing mail; null otherwise. */
  surveyToken: string | null;
}

/** The closing mail carries the survey link (the creator's copy only: see notify). */
export const surveyParam = (token: string | null): { surveyToken?: string } =>
  token ? { surveyToken: token } : {};

function defaultKind(from: TicketStatus, to: TicketStatus): TicketEventKind {
  if (to === 'closed') return 'closed';
  if (to === 'transferred_consulting') return 'transferred';
  if (to === 'qualified') return 'qualified';
  if (to === 'in_progress' && (from === 'qualified' || from === 'transferred_consulting')) return 'taken';
  return 'status_changed';
}

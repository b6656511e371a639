import { DESK_INFO, isCriticality, isTicketStatus } from '../../../domain/tickets/index';
import { formatDateTime } from '../../../i18n/format';
import { interpolate, type Language } from '../../../i18n/language';
import { closeReasonLabels, criticalityLabels, statusLabels } from '../../../i18n/ticket-labels';
import { type DescribedField, FIELD_LABELS, SENTENCES, SLA_CAUSES, SLA_STATE_LABELS, UNKNOWN } from './texts';

/** One stored timeline event as the describer needs it. */
export interface DescribableEvent {
  kind: string;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  data: Record<string, unknown>;
}

/** Names of what events refer to by id: people and request types. */
export interface TimelineRefs {
  people: ReadonlyMap<string, string>;
  requestTypes: ReadonlyMap<string, Record<Language, string>>;
}

/** A timeline entry as a person reads it: one sentence, then a line per detail. */
export interface EventDescription {
  summary: string;
  details: string[];
}

/** An instant in the reader's locale, in Zurich time (R8): the desk's clock, wherever one reads. */
export function formatZurichInstant(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return UNKNOWN[language];
  return formatDateTime(date, language);
}

/**
 * Every timeline event as a sentence in the reader's language (R14): names instead of ids,
 * labels instead of keys, dates in Zurich time. An event of a kind this code does not know
 * still reads as "someone changed the request", never as its raw data.
 */
export function describeEvent(
  event: DescribableEvent,
  refs: TimelineRefs,
  language: Language,
): EventDescription {
  const say = (key: keyof typeof SENTENCES, params: Record<string, string | number> = {}) =>
    interpolate(SENTENCES[key][language], { actor, ...params });
  const actor = event.actorName ?? SENTENCES.system[language];
  const data = event.data;
  const details = fieldLines(event, refs, language);
  const withDetails = (summary: string, extra: string[] = []) => ({
    summary,
    details: [...details, ...extra],
  });
  const reason =
    typeof data.reason === 'string' && data.reason ? [say('reason', { reason: data.reason })] : [];

  switch (event.kind) {
    case 'created': {
      const behalf = typeof data.onBehalfOf === 'string' ? data.onBehalfOf : null;
      const summary = behalf
        ? say('createdOnBehalf', { person: personName(behalf, refs, language) })
        : say('created');
      const lines: string[] = [];
      if (isCriticality(data.criticality))
        lines.push(setLine('criticality', data.criticality, refs, language));
      if (typeof data.requestTypeId === 'string')
        lines.push(setLine('requestTypeId', data.requestTypeId, refs, language));
      return { summary, details: [...lines, ...attachmentLines(data, actor, language)] };
    }
    case 'qualified':
      return withDetails(say('qualified'));
    case 'status_changed':
      return withDetails(say('statusChanged'));
    case 'criticality_changed':
      return withDetails(
        say(data.direction === 'raised' ? 'criticalityRaised' : 'criticalityLowered'),
        reason,
      );
    case 'type_changed':
      return withDetails(say('typeChanged'));
    case 'assigned': {
      const to = event.after?.assigneeId;
      const summary =
        typeof to === 'string'
          ? say('assigned', { person: personName(to, refs, language) })
          : say('unassigned');
      return { summary, details: details.filter((_, i) => shownFields(event)[i] !== 'assigneeId') };
    }
    case 'taken':
      return {
        summary: say('taken'),
        details: details.filter((_, i) => shownFields(event)[i] !== 'assigneeId'),
      };
    case 'transferred':
      return withDetails(say('transferred'));
    case 'closed':
      return withDetails(event.actorName === null ? SENTENCES.closedAutomatically[language] : say('closed'));
    case 'message':
      return {
        summary: say(data.source === 'mail' ? 'answeredByMail' : 'answered'),
        details: attachmentLines(data, actor, language),
      };
    case 'internal_note':
      return { summary: say('internalNote'), details: attachmentLines(data, actor, language) };
    case 'field_changed': {
      const attached = attachmentLines(data, actor, language);
      const [first, ...rest] = attached;
      return first ? { summary: first, details: [...details, ...rest] } : withDetails(say('changed'));
    }
    case 'refused_reply': {
      const from = typeof data.from === 'string' && data.from ? data.from : SENTENCES.someone[language];
      return { summary: say('refusedReply', { person: event.actorName ?? from }), details: [] };
    }
    case 'reminder_sent': {
      const number = typeof data.reminder === 'number' ? data.reminder : 1;
      const closeAt = typeof data.closeAt === 'string' ? data.closeAt : null;
      const lines = closeAt ? [say('autoCloseDue', { date: formatZurichInstant(closeAt, language) })] : [];
      return { summary: say('reminderSent', { number }), details: lines };
    }
    case 'reminder_queued':
    case 'reminder_not_sent':
    case 'mail_not_sent':
    case 'auto_close_suspended':
      return describeReminderOutcome(event.kind, data, language);
    case 'survey_answered': {
      const score = typeof data.score === 'number' ? data.score : UNKNOWN[language];
      const comment =
        typeof data.comment === 'string' && data.comment
          ? [say('surveyComment', { comment: data.comment })]
          : [];
      return { summary: say('surveyAnswered', { score }), details: comment };
    }
    case 'sla_recomputed':
      return withDetails(say('slaRecomputed', { cause: SLA_CAUSES[slaCause(data.reason)][language] }));
    default:
      return withDetails(say('changed'));
  }
}

/** The audited fields an event shows, in a stable order (timestamps equal to the event's own are left out). */
function shownFields(event: DescribableEvent): DescribedField[] {
  const keys = new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})]);
  return (Object.keys(FIELD_LABELS) as DescribedField[]).filter((field) => keys.has(field));
}

function fieldLines(event: DescribableEvent, refs: TimelineRefs, language: Language): string[] {
  return shownFields(event).map((field) =>
    interpolate(SENTENCES.field[language], {
      label: FIELD_LABELS[field][language],
      from: valueText(field, event.before?.[field], refs, language),
      to: valueText(field, event.after?.[field], refs, language),
    }),
  );
}

function setLine(field: DescribedField, value: unknown, refs: TimelineRefs, language: Language): string {
  return interpolate(SENTENCES.fieldSet[language], {
    label: FIELD_LABELS[field][language],
    value: valueText(field, value, refs, language),
  });
}

function valueText(field: DescribedField, value: unknown, refs: TimelineRefs, language: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value !== 'string') return UNKNOWN[language];
  switch (field) {
    case 'status':
      return isTicketStatus(value) ? statusLabels[value][language] : UNKNOWN[language];
    case 'criticality':
      return isCriticality(value) ? criticalityLabels[value][language] : UNKNOWN[language];
    case 'requestTypeId':
      return refs.requestTypes.get(value)?.[language] ?? UNKNOWN[language];
    case 'assigneeId':
      return personName(value, refs, language);
    case 'desk':
      return value === 'support' || value === 'consulting'
        ? DESK_INFO[value].label[language]
        : UNKNOWN[language];
    case 'closeReason':
      return value in closeReasonLabels
        ? closeReasonLabels[value as keyof typeof closeReasonLabels][language]
        : UNKNOWN[language];
    case 'engagementDueAt':
    case 'resolutionDueAt':
      return formatZurichInstant(value, language);
    case 'slaState':
      return SLA_STATE_LABELS[value]?.[language] ?? UNKNOWN[language];
    case 'rpcReference':
    case 'spcReference':
      // References are what people typed (e.g. "RPC-2291"): shown as written.
      return value;
  }
}

const personName = (id: string, refs: TimelineRefs, language: Language): string =>
  refs.people.get(id) ?? UNKNOWN[language];

function attachmentLines(data: Record<string, unknown>, actor: string, language: Language): string[] {
  const files = Array.isArray(data.added)
    ? data.added
    : Array.isArray(data.attachments)
      ? data.attachments
      : [];
  const names = files
    .map((file: unknown) =>
      file && typeof file === 'object' && 'fileName' in file
        ? String((file as { fileName: unknown }).fileName)
        : null,
    )
    .filter((name): name is string => Boolean(name));
  if (names.length === 0) return [];
  const key = names.length === 1 ? 'attachedOne' : 'attachedMany';
  return [interpolate(SENTENCES[key][language], { actor, count: names.length, names: names.join(', ') })];
}

function slaCause(reason: unknown): keyof typeof SLA_CAUSES {
  if (typeof reason !== 'string') return 'other';
  if (reason.startsWith('sla.override')) return 'override';
  if (reason.startsWith('sla.targets')) return 'targets';
  if (reason.startsWith('calendar')) return 'calendar';
  return 'other';
}

/** R9, internal entries: what became of a reminder before (or instead of) leaving. */
function describeReminderOutcome(
  kind: 'reminder_queued' | 'reminder_not_sent' | 'mail_not_sent' | 'auto_close_suspended',
  data: Record<string, unknown>,
  language: Language,
): EventDescription {
  const number = typeof data.reminder === 'number' ? data.reminder : null;
  const say = (key: keyof typeof SENTENCES) =>
    interpolate(SENTENCES[key][language], { number: number ?? '' });
  const closeAt = typeof data.closeAt === 'string' ? data.closeAt : null;
  const due = closeAt
    ? [interpolate(SENTENCES.autoCloseDue[language], { date: formatZurichInstant(closeAt, language) })]
    : [];
  if (number === null) return { summary: say('mailNotSent'), details: [] };
  switch (kind) {
    case 'reminder_queued':
      return { summary: say('reminderQueued'), details: due };
    case 'reminder_not_sent':
      return { summary: say('reminderNoContact'), details: due };
    case 'mail_not_sent':
      return { summary: say(data.status === 'dropped' ? 'reminderDropped' : 'reminderRefused'), details: [] };
    case 'auto_close_suspended':
      return { summary: say('autoCloseSuspended'), details: [] };
  }
}

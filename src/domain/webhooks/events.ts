/**
 * What an outbound webhook may subscribe to, and which of them a recorded ticket change is. The
 * names are the `event` field of every delivery and the `Guichet-Event` header; they never change
 * once published, since receivers dispatch on them.
 */
export const WEBHOOK_EVENTS = [
  'ticket.created',
  'ticket.status_changed',
  'ticket.message_added',
  'ticket.sla_at_risk',
  'ticket.sla_breached',
  'ticket.closed',
  'ticket.csat_received',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const isWebhookEvent = (value: string): value is WebhookEvent =>
  (WEBHOOK_EVENTS as readonly string[]).includes(value);

/** The parts of a timeline entry that decide which webhook events it is. */
export interface RecordedChange {
  kind: string;
  visibility: 'public' | 'internal';
  after: Record<string, unknown> | null;
}

/** A webhook event a change raised; `internal` ones reach only endpoints marked internal. */
export interface RaisedEvent {
  event: WebhookEvent;
  internal: boolean;
}

/**
 * The webhook events of one recorded change, in the order they are delivered: a status change
 * into `closed` is both `ticket.status_changed` and `ticket.closed`; an internal note is a message
 * only internal endpoints hear of.
 */
export function webhookEventsOf(change: RecordedChange): RaisedEvent[] {
  const raised: RaisedEvent[] = [];
  if (change.kind === 'created') return [{ event: 'ticket.created', internal: false }];
  if (change.kind === 'message') raised.push({ event: 'ticket.message_added', internal: false });
  if (change.kind === 'internal_note') raised.push({ event: 'ticket.message_added', internal: true });
  if (change.kind === 'survey_answered') raised.push({ event: 'ticket.csat_received', internal: false });
  const status = change.after?.status;
  if (typeof status === 'string') {
    raised.push({ event: 'ticket.status_changed', internal: false });
    if (status === 'closed') raised.push({ event: 'ticket.closed', internal: false });
  }
  return raised;
}

/** The event of an SLA warning that fired (R7): at risk at 75 %, breached past the due time. */
export const slaWebhookEvent = (breach: boolean): WebhookEvent =>
  breach ? 'ticket.sla_breached' : 'ticket.sla_at_risk';

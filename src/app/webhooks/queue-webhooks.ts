import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { ticketMessages, webhookDeliveries } from '../../db/schema/index';
import { type RaisedEvent, slaWebhookEvent, webhookEventsOf } from '../../domain/webhooks/events';
import { type SlaWarningEffect, type TicketChangeEffect, withBatchForm } from '../effects';
import type { TicketEventRow, TicketRow } from '../tickets/record-event';

/**
 * The after-change effect: the webhook events a recorded change raises are queued, in its
 * transaction, for every active endpoint that subscribed to them (internal ones only for endpoints
 * marked internal). Nothing leaves here; the worker delivers (see dispatch-webhooks.ts).
 */
export const queueTicketWebhooks: TicketChangeEffect = withBatchForm(
  async function queueTicketWebhooks(tx, ticket, event) {
    const raised = raisedBy(event);
    if (!raised.length) return;
    await queueRaised(tx, await subscribers(tx), ticket, event, raised);
  },
  // A batch reads the endpoints once; the (rare) deliveries are queued change by change.
  async (tx, changes) => {
    const raising = changes.filter(({ event }) => raisedBy(event).length > 0);
    if (!raising.length) return;
    const listeners = await subscribers(tx);
    for (const { ticket, event } of raising) await queueRaised(tx, listeners, ticket, event, raisedBy(event));
  },
);

const raisedBy = (event: TicketEventRow) =>
  webhookEventsOf({ kind: event.kind, visibility: event.visibility, after: event.after });

async function queueRaised(
  tx: Tx,
  listeners: Awaited<ReturnType<typeof subscribers>>,
  ticket: TicketRow,
  event: TicketEventRow,
  raised: RaisedEvent[],
) {
  if (!listeners.length) return;
  for (const one of raised) {
    const endpoints = listeners.filter(
      (e) => e.events.includes(one.event) && (!one.internal || e.includeInternal),
    );
    if (!endpoints.length) continue;
    const data = { ticket: ticketFacts(ticket), ...(await changeFacts(tx, one, ticket, event)) };
    await queue(tx, endpoints, ticket.id, one.event, data, event.at);
  }
}

/** The effect of an SLA warning that fired (R7): `ticket.sla_at_risk` or `ticket.sla_breached`. */
export const queueSlaWebhooks: SlaWarningEffect = async (tx, warning) => {
  const name = slaWebhookEvent(warning.breach);
  const endpoints = (await subscribers(tx)).filter((e) => e.events.includes(name));
  if (!endpoints.length) return;
  const data = {
    ticket: ticketFacts(warning.ticket),
    sla: { target: warning.target, dueAt: warning.dueAt.toISOString() },
  };
  await queue(tx, endpoints, warning.ticket.id, name, data, warning.now);
};

/**
 * Only the columns that choose the recipients: customer work may read no more (see the migration).
 * Written as SQL text: it is read after every change of every ticket.
 */
const subscribers = async (tx: Tx): Promise<{ id: string; events: string[]; includeInternal: boolean }[]> => {
  const result = await tx.execute(
    sql`select id, events, include_internal from webhook_endpoints where active`,
  );
  return (
    result as unknown as { rows: { id: string; events: string[]; include_internal: boolean }[] }
  ).rows.map((row) => ({ id: row.id, events: row.events, includeInternal: row.include_internal }));
};

async function queue(
  tx: Tx,
  endpoints: { id: string }[],
  ticketId: string,
  event: string,
  data: Record<string, unknown>,
  now: Date,
) {
  await tx.insert(webhookDeliveries).values(
    endpoints.map((endpoint) => ({
      endpointId: endpoint.id,
      ticketId,
      event,
      payload: data,
      nextAttemptAt: now,
      createdAt: now,
    })),
  );
}

/** What a receiver learns of the ticket: its identity and state, nothing staff-only beyond the assignee. */
function ticketFacts(ticket: TicketRow) {
  return {
    id: ticket.id,
    key: ticket.key,
    desk: ticket.desk,
    companyId: ticket.companyId,
    subject: ticket.subject,
    status: ticket.status,
    criticality: ticket.criticality,
    assigneeId: ticket.assigneeId,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

async function changeFacts(
  tx: Tx,
  raised: RaisedEvent,
  ticket: TicketRow,
  event: TicketEventRow,
): Promise<Record<string, unknown>> {
  switch (raised.event) {
    case 'ticket.status_changed':
      return { change: { from: event.before?.status ?? null, to: event.after?.status ?? null } };
    case 'ticket.closed':
      return { closing: { reason: ticket.closeReason, closedAt: ticket.closedAt?.toISOString() ?? null } };
    case 'ticket.csat_received':
      return { survey: { score: event.data.score ?? null, comment: event.data.comment ?? null } };
    case 'ticket.message_added':
      return { message: await messageFacts(tx, event) };
    default:
      return {};
  }
}

async function messageFacts(tx: Tx, event: TicketEventRow) {
  const id = typeof event.data.messageId === 'string' ? event.data.messageId : null;
  if (!id) return null;
  const [message] = await tx
    .select({
      id: ticketMessages.id,
      authorId: ticketMessages.authorId,
      body: ticketMessages.body,
      format: ticketMessages.format,
      visibility: ticketMessages.visibility,
      source: ticketMessages.source,
      createdAt: ticketMessages.createdAt,
    })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.id, id), eq(ticketMessages.ticketId, event.ticketId)))
    .limit(1);
  return message ? { ...message, createdAt: message.createdAt.toISOString() } : null;
}

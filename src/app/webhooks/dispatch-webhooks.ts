import type { Agent } from 'node:https';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../db/schema/index';
import { acceptedStatus, failedTooLong, webhookRetryDelayMs } from '../../domain/webhooks/retry';
import type { AppContext } from '../context';
import { disableFailingEndpoint } from './disable-endpoint';
import { postWebhook, type WebhookResponse, webhookAgent } from './send';
import { deliveryHeader, eventHeader, signatureHeader, signPayload } from './signature';

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type EndpointRow = typeof webhookEndpoints.$inferSelect;

export interface WebhookDispatchOptions {
  batchSize?: number;
  maxBatches?: number;
  /** The HTTPS agent (certificate authorities); by default one built from WEBHOOK_CA_FILE. */
  agent?: Agent;
  /** Aborted when the worker is told to stop: no further batch is claimed. */
  signal?: AbortSignal;
}

export interface WebhookDispatchReport {
  delivered: number;
  retried: number;
}

const agents = new Map<string, Agent>();
const agentFor = (caFile: string | undefined): Agent => {
  const key = caFile ?? '';
  let agent = agents.get(key);
  if (!agent) {
    agent = webhookAgent(caFile);
    agents.set(key, agent);
  }
  return agent;
};

/**
 * A claimed delivery is its worker's until the answer's time limit has passed twice; a worker that
 * died mid-request leaves it to the next one, which sends it again with the same delivery id.
 */
export const webhookLeaseMs = (timeoutMs: number): number => 2 * timeoutMs + 1000;

/**
 * Sends the due webhook deliveries (a worker task). Each batch is claimed in one statement with
 * FOR UPDATE SKIP LOCKED: the attempt is counted and the due time moved ahead as a lease. A
 * delivery waits while an earlier one of the same endpoint and ticket is still pending, so each
 * receiver hears of a ticket's events in their order. The deliveries of a batch (distinct tickets
 * or endpoints) are sent together, each outcome logged as an attempt with its response code.
 */
export async function dispatchWebhooks(
  ctx: AppContext,
  options: WebhookDispatchOptions = {},
): Promise<WebhookDispatchReport> {
  const batchSize = options.batchSize ?? 10;
  const maxBatches = options.maxBatches ?? 10;
  const agent = options.agent ?? agentFor(ctx.config.WEBHOOK_CA_FILE);
  const report: WebhookDispatchReport = { delivered: 0, retried: 0 };
  for (let batch = 0; batch < maxBatches && !options.signal?.aborted; batch += 1) {
    const rows = await claimDue(ctx, batchSize);
    if (!rows.length) break;
    const endpoints = await ctx.db
      .select()
      .from(webhookEndpoints)
      .where(inArray(webhookEndpoints.id, [...new Set(rows.map((r) => r.endpointId))]));
    const byId = new Map(endpoints.map((e) => [e.id, e]));
    const outcomes = await Promise.all(
      rows.map(async (row) => {
        const endpoint = byId.get(row.endpointId);
        return endpoint ? deliverOne(ctx, agent, endpoint, row) : 'retried';
      }),
    );
    for (const outcome of outcomes) report[outcome] += 1;
    if (rows.length < batchSize) break;
  }
  return report;
}

async function claimDue(ctx: AppContext, batchSize: number): Promise<DeliveryRow[]> {
  const now = ctx.clock.now();
  const due = ctx.db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
        eq(webhookEndpoints.active, true),
        sql`not exists (select 1 from webhook_deliveries earlier
              where earlier.endpoint_id = ${webhookDeliveries.endpointId}
                and earlier.ticket_id = ${webhookDeliveries.ticketId}
                and earlier.status = 'pending' and earlier.seq < ${webhookDeliveries.seq})`,
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.seq))
    .limit(batchSize)
    .for('update', { skipLocked: true, of: webhookDeliveries });
  return ctx.db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + webhookLeaseMs(ctx.config.WEBHOOK_TIMEOUT_MS)),
    })
    .where(inArray(webhookDeliveries.id, due))
    .returning();
}

/** The body a receiver gets: the same bytes on every attempt of a delivery. */
export function deliveryBody(row: Pick<DeliveryRow, 'id' | 'event' | 'createdAt' | 'payload'>): string {
  return JSON.stringify({
    id: row.id,
    event: row.event,
    createdAt: row.createdAt.toISOString(),
    data: row.payload,
  });
}

async function deliverOne(
  ctx: AppContext,
  agent: Agent,
  endpoint: EndpointRow,
  row: DeliveryRow,
): Promise<keyof WebhookDispatchReport> {
  const body = deliveryBody(row);
  const started = ctx.clock.now();
  const unix = Math.floor(started.getTime() / 1000);
  const timer = performance.now();
  const response = await postWebhook(agent, {
    url: endpoint.url,
    allowPrivateNetwork: endpoint.allowPrivateNetwork,
    timeoutMs: ctx.config.WEBHOOK_TIMEOUT_MS,
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Guichet-Webhooks/1',
      [deliveryHeader]: row.id,
      [eventHeader]: row.event,
      [signatureHeader]: signPayload(endpoint.secret, unix, body),
    },
  });
  const durationMs = Math.round(performance.now() - timer);
  const accepted = response.statusCode !== null && acceptedStatus(response.statusCode);
  await record(ctx, endpoint, row, response, accepted, durationMs);
  return accepted ? 'delivered' : 'retried';
}

/**
 * Logs the attempt and settles the delivery in one transaction: delivered, or due again after
 * the backoff. The delivery is settled only if this worker still holds it (same attempt, still
 * pending); the attempt is logged either way, since it did reach or miss the receiver.
 */
async function record(
  ctx: AppContext,
  endpoint: EndpointRow,
  row: DeliveryRow,
  response: WebhookResponse,
  accepted: boolean,
  durationMs: number,
) {
  const now = ctx.clock.now();
  const error = response.error ?? (accepted ? null : `answered ${response.statusCode}`);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      deliveryId: row.id,
      at: now,
      statusCode: response.statusCode,
      error,
      durationMs,
    });
    const held = and(
      eq(webhookDeliveries.id, row.id),
      eq(webhookDeliveries.attempts, row.attempts),
      eq(webhookDeliveries.status, 'pending'),
    );
    const retryAt = new Date(
      now.getTime() +
        webhookRetryDelayMs(row.attempts, ctx.config.WEBHOOK_RETRY_BASE_MS, ctx.config.WEBHOOK_RETRY_MAX_MS),
    );
    await tx
      .update(webhookDeliveries)
      .set(
        accepted
          ? { status: 'delivered', deliveredAt: now, lastStatusCode: response.statusCode, lastError: null }
          : { nextAttemptAt: retryAt, lastStatusCode: response.statusCode, lastError: error },
      )
      .where(held);
    if (accepted) {
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: null })
        .where(eq(webhookEndpoints.id, endpoint.id));
      return;
    }
    // Read under the update: another worker's success may have cleared it since the batch began.
    const [failing] = await tx
      .update(webhookEndpoints)
      .set({
        failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)`,
      })
      .where(eq(webhookEndpoints.id, endpoint.id))
      .returning({ since: webhookEndpoints.failingSince });
    const since = failing?.since ?? now;
    if (failedTooLong(since, now, ctx.config.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000)) {
      await disableFailingEndpoint(tx, endpoint, since, now, ctx.publicUrl);
    }
  });
}

import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { tickets, webhookAttempts, webhookDeliveries } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { endpointById } from './endpoints';

type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type AttemptRow = typeof webhookAttempts.$inferSelect;
export type DeliveryLogEntry = Omit<DeliveryRow, 'payload'> & { ticketKey: string | null; log: AttemptRow[] };

/** The delivery log of an endpoint, newest first, each delivery with its attempts and their response codes. */
export async function listWebhookDeliveries(
  ctx: AppContext,
  actor: Actor,
  endpointId: string,
  page: { before?: number; limit?: number } = {},
): Promise<{ items: DeliveryLogEntry[]; nextBefore: number | null }> {
  authorize(policy.keepWebhooks(actor));
  await endpointById(ctx, endpointId);
  const limit = Math.min(page.limit ?? 50, 200);
  const rows = await ctx.db
    .select({ delivery: webhookDeliveries, ticketKey: tickets.key })
    .from(webhookDeliveries)
    .leftJoin(tickets, eq(tickets.id, webhookDeliveries.ticketId))
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        page.before === undefined ? undefined : lt(webhookDeliveries.seq, page.before),
      ),
    )
    .orderBy(desc(webhookDeliveries.seq))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  const ids = shown.map((r) => r.delivery.id);
  const attempts = ids.length
    ? await ctx.db
        .select()
        .from(webhookAttempts)
        .where(inArray(webhookAttempts.deliveryId, ids))
        .orderBy(desc(webhookAttempts.at), desc(webhookAttempts.id))
    : [];
  const items = shown.map(({ delivery, ticketKey }) => {
    const { payload: _payload, ...rest } = delivery;
    return { ...rest, ticketKey, log: attempts.filter((a) => a.deliveryId === delivery.id) };
  });
  const last = shown.at(-1);
  return { items, nextBefore: rows.length > limit && last ? last.delivery.seq : null };
}

/**
 * Sends a delivery again, as it was (same body, same `Guichet-Delivery`): a receiver that already
 * processed it may recognise it. It goes out on the worker's next pass, after any earlier delivery
 * of its ticket still waiting.
 */
export async function redeliverWebhook(
  ctx: AppContext,
  actor: Actor,
  endpointId: string,
  deliveryId: string,
): Promise<DeliveryRow> {
  authorize(policy.keepWebhooks(actor));
  const [row] = await ctx.db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: ctx.clock.now(), deliveredAt: null })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)))
    .returning();
  if (!row) throw new AppError('not_found');
  return row;
}

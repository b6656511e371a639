import { desc, eq, sql } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/index';
import type { WebhookEvent } from '../../domain/webhooks/events';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { allowedAddresses, RefusedAddressError } from './address-guard';
import { newWebhookSecret } from './signature';

type EndpointRow = typeof webhookEndpoints.$inferSelect;
/** An endpoint as the API shows it: never its secret. */
export type WebhookEndpointView = Omit<EndpointRow, 'secret'> & { pending: number };

export interface WebhookEndpointInput {
  url: string;
  description: string;
  events: WebhookEvent[];
  includeInternal: boolean;
  allowPrivateNetwork: boolean;
}

/**
 * Registers an endpoint. Its address must be https:// and, unless the administrator allows the
 * private network, resolve to public addresses only. The signing secret is returned this once.
 */
export async function createWebhookEndpoint(
  ctx: AppContext,
  actor: Actor,
  input: WebhookEndpointInput,
): Promise<{ secret: string; endpoint: WebhookEndpointView }> {
  authorize(policy.keepWebhooks(actor));
  const url = await checkedUrl(input.url, input.allowPrivateNetwork);
  const secret = newWebhookSecret();
  const [row] = await ctx.db
    .insert(webhookEndpoints)
    .values({
      url,
      description: input.description,
      events: [...new Set(input.events)],
      includeInternal: input.includeInternal,
      allowPrivateNetwork: input.allowPrivateNetwork,
      secret,
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    })
    .returning();
  if (!row) throw new Error('webhook endpoint insert returned nothing');
  return { secret, endpoint: view(row, 0) };
}

/** Every endpoint, newest first, with the number of deliveries still waiting. */
export async function listWebhookEndpoints(ctx: AppContext, actor: Actor): Promise<WebhookEndpointView[]> {
  authorize(policy.keepWebhooks(actor));
  const rows = await ctx.db
    .select({
      endpoint: webhookEndpoints,
      // Written out: inside a selected expression the ORM leaves column names unqualified.
      pending: sql<number>`(select count(*)::int from webhook_deliveries d
        where d.endpoint_id = webhook_endpoints.id and d.status = 'pending')`,
    })
    .from(webhookEndpoints)
    .orderBy(desc(webhookEndpoints.createdAt));
  return rows.map((r) => view(r.endpoint, Number(r.pending)));
}

/**
 * Changes an endpoint's address, events or switches. Enabling it again restarts the failure
 * period, and its pending deliveries are due at once.
 */
export async function updateWebhookEndpoint(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: WebhookEndpointInput & { active: boolean },
): Promise<WebhookEndpointView> {
  authorize(policy.keepWebhooks(actor));
  const current = await endpointById(ctx, id);
  const url = await checkedUrl(input.url, input.allowPrivateNetwork);
  const now = ctx.clock.now();
  const enabling = input.active && !current.active;
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({
        url,
        description: input.description,
        events: [...new Set(input.events)],
        includeInternal: input.includeInternal,
        allowPrivateNetwork: input.allowPrivateNetwork,
        active: input.active,
        ...(enabling ? { failingSince: null, disabledAt: null } : {}),
        ...(!input.active && current.active ? { disabledAt: now } : {}),
      })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    if (enabling) {
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: now })
        .where(sql`${webhookDeliveries.endpointId} = ${id} and ${webhookDeliveries.status} = 'pending'`);
    }
    return updated;
  });
  if (!row) throw new AppError('not_found');
  return view(row, 0);
}

/** Removes an endpoint with its deliveries and their log. */
export async function deleteWebhookEndpoint(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  authorize(policy.keepWebhooks(actor));
  const deleted = await ctx.db
    .delete(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id))
    .returning({ id: webhookEndpoints.id });
  if (!deleted.length) throw new AppError('not_found');
}

export async function endpointById(ctx: AppContext, id: string): Promise<EndpointRow> {
  const [row] = await ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1);
  if (!row) throw new AppError('not_found');
  return row;
}

function view(row: EndpointRow, pending: number): WebhookEndpointView {
  const { secret: _secret, ...rest } = row;
  return { ...rest, pending };
}

async function checkedUrl(raw: string, allowPrivateNetwork: boolean): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('webhook_url_invalid');
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) {
    throw new AppError('webhook_url_invalid');
  }
  try {
    await allowedAddresses(url.hostname, allowPrivateNetwork);
  } catch (error) {
    if (error instanceof RefusedAddressError) {
      throw new AppError('webhook_address_private', { host: error.host, address: error.address });
    }
    throw new AppError('webhook_host_unknown', { host: url.hostname });
  }
  return url.toString();
}

import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../../domain/webhooks/events';

export const webhookEventSchema = z.enum(WEBHOOK_EVENTS);

export const webhookEndpointBody = z.object({
  /** An https:// URL; private and loopback addresses only with `allowPrivateNetwork`. */
  url: z.string().trim().min(8).max(2000),
  description: z.string().trim().max(200).default(''),
  events: z.array(webhookEventSchema).min(1).max(WEBHOOK_EVENTS.length),
  /** Internal notes are sent too (message events); public messages only otherwise. */
  includeInternal: z.boolean().default(false),
  /** Lets the endpoint reach private, loopback and link-local addresses (SSRF guard off for it). */
  allowPrivateNetwork: z.boolean().default(false),
});
export type WebhookEndpointBody = z.input<typeof webhookEndpointBody>;

export const webhookEndpointUpdate = webhookEndpointBody.extend({ active: z.boolean() });

export const webhookEndpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  includeInternal: z.boolean(),
  allowPrivateNetwork: z.boolean(),
  active: z.boolean(),
  /** Since when every attempt has failed; null when the last one succeeded. */
  failingSince: z.string().nullable(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  /** Deliveries still waiting to be accepted. */
  pending: z.number().int(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointList = z.object({
  items: z.array(webhookEndpointSchema),
  events: z.array(webhookEventSchema),
});

/** The signing secret appears in this answer only. */
export const createdWebhookEndpoint = z.object({ secret: z.string(), item: webhookEndpointSchema });

export const webhookAttemptSchema = z.object({
  at: z.string(),
  /** The receiver's HTTP status; null when no answer came. */
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});

export const webhookDeliverySchema = z.object({
  /** Also the `Guichet-Delivery` header: the idempotency key, the same on every attempt. */
  id: z.uuid(),
  event: z.string(),
  ticketId: z.uuid().nullable(),
  ticketKey: z.string().nullable(),
  status: z.enum(['pending', 'delivered']),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  log: z.array(webhookAttemptSchema),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryList = z.object({
  items: z.array(webhookDeliverySchema),
  nextBefore: z.number().int().nullable(),
});

export const webhookDeliveriesQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const webhookDeliveryParams = z.object({ id: z.uuid(), deliveryId: z.uuid() });

import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './core';
import { tickets } from './tickets';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const webhookDeliveryStatusEnum = pgEnum('webhook_delivery_status', ['pending', 'delivered']);

/**
 * An HTTPS address an administrator registered to hear of ticket events. The secret signs every
 * delivery, so it is kept as is (not hashed); it is shown once, at creation, and never read back
 * by the API.
 */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: uuid('id').primaryKey().defaultRandom(),
  url: text('url').notNull(),
  description: text('description').notNull().default(''),
  /** The subscribed events (see src/domain/webhooks/events.ts). */
  events: text('events').array().notNull(),
  /** Internal notes reach this endpoint too (staff-side integrations only). */
  includeInternal: boolean('include_internal').notNull().default(false),
  /** Addresses of private, loopback and link-local networks are refused unless this is set. */
  allowPrivateNetwork: boolean('allow_private_network').notNull().default(false),
  secret: text('secret').notNull(),
  active: boolean('active').notNull().default(true),
  /** Since when every attempt has failed; null after a success. Disabled after the configured period. */
  failingSince: instant('failing_since'),
  disabledAt: instant('disabled_at'),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: instant('created_at').notNull(),
});

/**
 * One event for one endpoint: the webhooks' outbox, written in the transaction of the change it
 * reports. Its id is the idempotency key the receiver sees (`Guichet-Delivery`), the same on every
 * attempt; `seq` orders the deliveries of one ticket, which leave one after the other.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    event: text('event').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When it is due; while a worker holds it, the end of that worker's lease. */
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: instant('delivered_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_ticket_idx').on(t.endpointId, t.ticketId, t.seq),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
  ],
);

/** Every attempt of a delivery, with the receiver's response code: the delivery log. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    at: instant('at').notNull(),
    /** Null when no answer came (refused address, connection error, timeout). */
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.at)],
);

import { sql } from 'drizzle-orm';
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CLOSE_REASONS,
  CRITICALITIES,
  DESKS,
  MESSAGE_FORMATS,
  TICKET_STATUSES,
} from '../../domain/tickets/index';
import { projects, requestTypes } from './catalogue';
import { companies, users } from './core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const deskEnum = pgEnum('desk', DESKS);
export const ticketStatusEnum = pgEnum('ticket_status', TICKET_STATUSES);
export const criticalityEnum = pgEnum('criticality', CRITICALITIES);
export const closeReasonEnum = pgEnum('close_reason', CLOSE_REASONS);
export const visibilityEnum = pgEnum('visibility', ['public', 'internal']);
export const messageSourceEnum = pgEnum('message_source', ['portal', 'mail']);
export const messageFormatEnum = pgEnum('message_format', MESSAGE_FORMATS);

/**
 * A support ticket or consulting request. Its key (`SUP-1042`) is given once and kept for life,
 * also when the ticket is transferred to the consulting desk.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    desk: deskEnum('desk').notNull(),
    key: text('key').notNull(),
    number: integer('number').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    projectId: uuid('project_id').references(() => projects.id),
    requestTypeId: uuid('request_type_id').references(() => requestTypes.id),
    criticality: criticalityEnum('criticality').notNull(),
    status: ticketStatusEnum('status').notNull().default('open'),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    descriptionFormat: messageFormatEnum('description_format').notNull().default('plain'),
    softwareVersion: text('software_version'),
    /** The company within the customer's installation (R15). */
    societe: text('societe'),
    module: text('module'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    rpcReference: text('rpc_reference'),
    spcReference: text('spc_reference'),
    closeReason: closeReasonEnum('close_reason'),
    /** The closed ticket this one was opened from (R10). */
    linkedTicketId: uuid('linked_ticket_id'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    qualifiedAt: instant('qualified_at'),
    closedAt: instant('closed_at'),
    lastCustomerActivityAt: instant('last_customer_activity_at'),
    /** Maintained by the SLA engine (R7). */
    engagementDueAt: instant('engagement_due_at'),
    resolutionDueAt: instant('resolution_due_at'),
    slaState: text('sla_state'),
    /** When the retention task removed the ticket's texts and files (it acts once per ticket). */
    anonymisedAt: instant('anonymised_at'),
  },
  (t) => [
    uniqueIndex('tickets_key_key').on(t.key),
    index('tickets_company_status_idx').on(t.companyId, t.status, t.updatedAt),
    index('tickets_company_updated_idx').on(t.companyId, t.updatedAt),
    index('tickets_desk_status_idx').on(t.desk, t.status, t.updatedAt),
    index('tickets_assignee_idx').on(t.assigneeId, t.status),
    // An agent's own open tickets by resolution due time ("mine" queue): a few hundred entries per
    // agent, read in order, where the tickets_assignee_idx holds every ticket they ever handled.
    index('tickets_mine_idx').on(t.assigneeId, t.resolutionDueAt, t.id).where(sql`${t.status} <> 'closed'`),
    index('tickets_updated_idx').on(t.updatedAt),
    index('tickets_created_by_idx').on(t.createdBy),
    index('tickets_linked_idx').on(t.linkedTicketId),
  ],
);

/**
 * Everything that happened to a ticket, append-only: the timeline and the audit trail (R14).
 * Internal entries are shown to staff only.
 */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    at: instant('at').notNull(),
    /** Null when the system acted (timers, inbound mail processing). */
    actorId: uuid('actor_id').references(() => users.id),
    kind: text('kind').notNull(),
    visibility: visibilityEnum('visibility').notNull(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.id)],
);

/** The conversation. A reply refused because the ticket was closed (R10) is kept, never shown. */
export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    format: messageFormatEnum('format').notNull().default('plain'),
    visibility: visibilityEnum('visibility').notNull(),
    source: messageSourceEnum('source').notNull().default('portal'),
    refused: boolean('refused').notNull().default(false),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('ticket_messages_ticket_idx').on(t.ticketId, t.createdAt)],
);

/**
 * The last number the previous release gave on each desk. Numbers now come from the sequences
 * ticket_number_<desk> (migration 0039); a trigger makes an increment of this row take its numbers
 * from the same sequence, so the previous release keeps working during a rolling upgrade. To be
 * dropped, with the trigger, once no instance of that release runs.
 */
export const deskCounters = pgTable('desk_counters', {
  desk: deskEnum('desk').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SlaTargets, SlaTargetsOverride } from '../../domain/sla/index';
import { contracts, users } from './core';
import { tickets } from './tickets';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A maintenance contract's own SLA targets (R7), on top of the global ones: any criticality, any target. */
export const slaOverrides = pgTable('sla_overrides', {
  contractId: uuid('contract_id')
    .primaryKey()
    .references(() => contracts.id),
  targets: jsonb('targets').$type<SlaTargetsOverride>().notNull(),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * The SLA of a ticket as last computed (at its last change, or when an admin changed targets or
 * the calendar). `tickets` holds the due times and state the queue sorts and filters on; this
 * row holds the instants at which a running clock becomes at risk or breached without any new
 * event, so "at risk now" and "breached now" are exact between recomputations, and the targets
 * in force, kept for the ticket's record once it is closed.
 */
export const ticketSla = pgTable(
  'ticket_sla',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    /** The earliest at-risk instant of a running clock not yet at risk; null when none. */
    nextAtRiskAt: instant('next_at_risk_at'),
    /** The earliest breach instant of a running clock; null when none. */
    nextBreachAt: instant('next_breach_at'),
    targets: jsonb('targets').$type<SlaTargets>().notNull(),
    computedAt: instant('computed_at').notNull(),
  },
  (t) => [
    index('ticket_sla_next_at_risk_idx').on(t.nextAtRiskAt).where(sql`${t.nextAtRiskAt} is not null`),
    index('ticket_sla_next_breach_idx').on(t.nextBreachAt).where(sql`${t.nextBreachAt} is not null`),
  ],
);

/** Who changed which administrative setting, when, from what to what (SLA targets, overrides, calendar). */
export const adminAudit = pgTable(
  'admin_audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: instant('at').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    /** e.g. 'sla.targets.updated', 'sla.override.updated', 'sla.override.deleted', 'calendar.updated'. */
    action: text('action').notNull(),
    /** The record concerned, when not instance-wide (a contract id for overrides). */
    subjectId: uuid('subject_id'),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('admin_audit_at_idx').on(t.at), index('admin_audit_action_idx').on(t.action, t.at)],
);

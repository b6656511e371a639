import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { projects } from './catalogue';
import { companies, contracts, users } from './core';
import { tickets } from './tickets';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const flexMovementKindEnum = pgEnum('flex_movement_kind', ['credit', 'debit', 'adjustment']);
export const billingRunStatusEnum = pgEnum('billing_run_status', ['committed']);
export const timeBillingEnum = pgEnum('time_billing', ['flex', 'regie', 'maintenance']);

/**
 * A billing run (R12): the time logged over a period, debited from Flex balances once and marked
 * billed, in one transaction. `totals` keeps what was billed, per company, for the run's page.
 */
export const billingRuns = pgTable(
  'billing_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    status: billingRunStatusEnum('status').notNull().default('committed'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: instant('created_at').notNull(),
    totals: jsonb('totals').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('billing_runs_created_idx').on(t.createdAt)],
);

/**
 * The Flex hour bank (R12): every movement of a Flex contract, in whole minutes, signed (credits
 * positive, debits negative, adjustments either way). The balance is the sum; rows are never
 * updated or deleted (a trigger refuses it), a mistake is corrected by an adjustment.
 */
export const flexLedger = pgTable(
  'flex_ledger',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    kind: flexMovementKindEnum('kind').notNull(),
    minutes: integer('minutes').notNull(),
    reason: text('reason'),
    /** The ticket whose time a debit bills (no foreign key: the ledger outlives any ticket change). */
    ticketId: uuid('ticket_id'),
    billingRunId: uuid('billing_run_id').references(() => billingRuns.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('flex_ledger_company_idx').on(t.companyId, t.createdAt),
    index('flex_ledger_contract_idx').on(t.contractId, t.createdAt),
    index('flex_ledger_billing_run_idx').on(t.billingRunId),
    check(
      'flex_ledger_sign',
      sql`(${t.kind} = 'credit' AND ${t.minutes} > 0) OR (${t.kind} = 'debit' AND ${t.minutes} < 0) OR (${t.kind} = 'adjustment' AND ${t.minutes} <> 0 AND ${t.reason} IS NOT NULL)`,
    ),
  ],
);

/**
 * Whether a Flex contract's balance is currently below its low-balance threshold: a warning is
 * mailed when it goes from false to true, so each crossing warns once, and going back above
 * re-arms it.
 */
export const flexAlertStates = pgTable('flex_alert_states', {
  contractId: uuid('contract_id')
    .primaryKey()
    .references(() => contracts.id),
  isLow: boolean('is_low').notNull().default(false),
  changedAt: instant('changed_at').notNull(),
});

/**
 * Time staff logged on a ticket (R12). How it is billed follows from the ticket (Flex-billed type →
 * flex, consulting desk → régie, otherwise maintenance) unless overridden with a reason. An entry
 * can be changed or deleted until a billing run bills it, never after (a trigger refuses it too).
 */
export const timeEntries = pgTable(
  'time_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    /** The ticket's company, kept here so billing groups without joining tickets. */
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    projectId: uuid('project_id').references(() => projects.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    workDate: date('work_date', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note').notNull().default(''),
    billing: timeBillingEnum('billing').notNull(),
    billingOverridden: boolean('billing_overridden').notNull().default(false),
    overrideReason: text('override_reason'),
    billedAt: instant('billed_at'),
    billingRunId: uuid('billing_run_id').references(() => billingRuns.id),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('time_entries_ticket_idx').on(t.ticketId, t.workDate),
    index('time_entries_unbilled_idx').on(t.workDate).where(sql`billed_at IS NULL`),
    index('time_entries_billing_run_idx').on(t.billingRunId),
    index('time_entries_company_idx').on(t.companyId, t.workDate),
    check('time_entries_minutes', sql`${t.minutes} > 0 AND ${t.minutes} <= 1440`),
    check('time_entries_override_reason', sql`NOT ${t.billingOverridden} OR ${t.overrideReason} IS NOT NULL`),
    check('time_entries_billed', sql`(${t.billedAt} IS NULL) = (${t.billingRunId} IS NULL)`),
  ],
);

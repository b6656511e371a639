import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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
import { ROLES } from '../../domain/roles';

export const languageEnum = pgEnum('language', ['fr', 'de', 'en']);
export const roleEnum = pgEnum('role', ROLES);
export const contractKindEnum = pgEnum('contract_kind', ['maintenance', 'flex']);

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const companies = pgTable('companies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Domains whose addresses may write to this company's tickets by e-mail (R11). */
  mailDomains: text('mail_domains').array().notNull().default(sql`'{}'::text[]`),
  createdAt: instant('created_at').notNull(),
});

export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    kind: contractKindEnum('kind').notNull(),
    reference: text('reference').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    /** Flex only: a warning is mailed to managers when the balance falls below this many minutes. */
    lowBalanceMinutes: integer('low_balance_minutes'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('contracts_company_idx').on(t.companyId, t.kind)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    role: roleEnum('role').notNull(),
    /** Customers only: the company they belong to. */
    companyId: uuid('company_id').references(() => companies.id),
    isManager: boolean('is_manager').notNull().default(false),
    language: languageEnum('language').notNull().default('fr'),
    /** Where mails go when it differs from the login address. */
    notificationEmail: text('notification_email'),
    active: boolean('active').notNull().default(true),
    /**
     * Staff: which notices also go by mail, per kind, or once a day as a digest. Customers: status
     * mails on every change, or only when the ticket waits for them and when it is closed.
     */
    notificationPrefs: jsonb('notification_prefs').$type<Record<string, unknown>>().notNull().default({}),
    /** Staff with the daily digest: the Zurich day it was last sent, so it goes once a day. */
    digestSentOn: date('digest_sent_on', { mode: 'string' }),
    passwordHash: text('password_hash'),
    createdAt: instant('created_at').notNull(),
    /**
     * When an administrator erased the person's data: name, phone and addresses are replaced, and
     * the person is shown as "deleted user" in their language wherever they acted.
     */
    erasedAt: instant('erased_at'),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_company_idx').on(t.companyId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha-256 of the cookie token: a leaked table does not leak sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Sign-in attempts per throttle key in the current window. One row per key, counted with an
 * upsert so that parallel attempts are serialised by the row lock and none slips past the limit.
 */
export const loginAttempts = pgTable('login_attempts', {
  /** 'account:<email>' or 'address:<ip>' */
  throttleKey: text('throttle_key').primaryKey(),
  windowStartedAt: instant('window_started_at').notNull(),
  attempts: integer('attempts').notNull(),
});

export const accountRequestStatusEnum = pgEnum('account_request_status', ['pending', 'approved', 'refused']);

export const accountRequests = pgTable(
  'account_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    companyName: text('company_name').notNull(),
    message: text('message'),
    language: languageEnum('language').notNull().default('fr'),
    status: accountRequestStatusEnum('status').notNull().default('pending'),
    /** Set on approval (or guessed by staff before it). */
    companyId: uuid('company_id').references(() => companies.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: instant('decided_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('account_requests_status_idx').on(t.status, t.createdAt)],
);

export const oneTimeTokenPurposeEnum = pgEnum('one_time_token_purpose', ['set_password', 'reset_password']);

export const oneTimeTokens = pgTable('one_time_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  purpose: oneTimeTokenPurposeEnum('purpose').notNull(),
  expiresAt: instant('expires_at').notNull(),
  usedAt: instant('used_at'),
  createdAt: instant('created_at').notNull(),
});

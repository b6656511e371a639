import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tokenKinds } from '../../domain/api-tokens/scopes';
import { users } from './core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const apiTokenKindEnum = pgEnum('api_token_kind', tokenKinds);

/**
 * Tokens for programs calling the API (Authorization: Bearer). A token acts as its owner, limited
 * by its scopes; personal tokens are kept by their owner, integration tokens by the admins.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: apiTokenKindEnum('kind').notNull(),
    /** Whose rights the token carries (an integration token carries its creating admin's). */
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    scopes: text('scopes').array().notNull(),
    /** sha-256 of the token: the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the token, so a person can tell their tokens apart. */
    displayPrefix: text('display_prefix').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_owner_idx').on(t.ownerId, t.kind),
  ],
);

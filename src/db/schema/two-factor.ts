import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A person's authenticator app (TOTP, RFC 6238). The shared secret is sealed with a key derived
 * from the instance secret, and never leaves the server after enrolment.
 */
export const totpFactors = pgTable('totp_factors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** AES-256-GCM of the base32 secret: iv, tag and ciphertext, base64url, dot-separated. */
  secretSealed: text('secret_sealed').notNull(),
  /** Null while enrolment waits for the first code; the factor counts only once confirmed. */
  confirmedAt: instant('confirmed_at'),
  /** The time step of the last code accepted: a code seen once is refused after (RFC 6238, 5.2). */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: instant('created_at').notNull(),
});

/** Single-use codes for a lost authenticator; only their sha-256 is kept. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: instant('used_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('recovery_codes_user_code_key').on(t.userId, t.codeHash)],
);

/** WebAuthn credentials registered as a second factor. */
export const passkeys = pgTable(
  'passkeys',
  {
    /** The credential id, base64url, as the authenticator gave it. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    signCount: bigint('sign_count', { mode: 'number' }).notNull(),
    transports: text('transports').array().notNull(),
    createdAt: instant('created_at').notNull(),
    lastUsedAt: instant('last_used_at'),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
);

/**
 * A sign-in halfway: the password was right, the second factor is still due ('verify'), or a staff
 * member must first enrol one ('enrol'). It is no session: it opens nothing but the second step.
 */
export const signInChallenges = pgTable(
  'sign_in_challenges',
  {
    /** sha-256 of the cookie token. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['verify', 'enrol'] }).notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sign_in_challenges_user_idx').on(t.userId)],
);

/**
 * The random challenge of a WebAuthn ceremony in progress: one per person and kind, or, for a
 * sign-in with a passkey alone ('sign-in'), none yet known, found again by the challenge itself.
 */
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['register', 'authenticate', 'sign-in'] }).notNull(),
    challenge: text('challenge').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('webauthn_challenges_user_kind_key').on(t.userId, t.kind),
    index('webauthn_challenges_challenge_idx').on(t.challenge),
  ],
);

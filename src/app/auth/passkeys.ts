import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { passkeys, webauthnChallenges } from '../../db/schema/index';
import type { AppContext } from '../context';
import { AppError } from '../errors/index';
import { factorsOf } from './factors';
import { issueRecoveryCodes } from './recovery-codes';

/** How long the browser may wait for the person to touch their key or unlock their phone. */
export const passkeyCeremonyMinutes = 5;

/**
 * The relying party is the portal at its configured public address: the browser binds each
 * passkey to that host name, and signs the exact origin it was asked from.
 */
export function relyingParty(ctx: Pick<AppContext, 'publicUrl'>) {
  const url = new URL(ctx.publicUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: 'Guichet' };
}

type Kind = (typeof webauthnChallenges.$inferSelect)['kind'];

/** Keeps the ceremony's random challenge; a new ceremony of the same kind replaces the previous one. */
async function keepChallenge(ctx: AppContext, userId: string, kind: Kind, challenge: string) {
  const expiresAt = new Date(ctx.clock.now().getTime() + passkeyCeremonyMinutes * 60_000);
  await ctx.db
    .insert(webauthnChallenges)
    .values({ userId, kind, challenge, expiresAt })
    .onConflictDoUpdate({
      target: [webauthnChallenges.userId, webauthnChallenges.kind],
      set: { challenge, expiresAt },
    });
}

/**
 * Takes the challenge out of the store: it answers one response only, right or wrong, and none
 * once its time is up. Deleting it is the taking, so two responses sent at once cannot share it.
 */
async function takeChallenge(ctx: AppContext, userId: string, kind: Kind): Promise<string | null> {
  const [row] = await ctx.db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.userId, userId), eq(webauthnChallenges.kind, kind)))
    .returning();
  return row && row.expiresAt > ctx.clock.now() ? row.challenge : null;
}

const userHandle = (userId: string) => Buffer.from(userId.replace(/-/g, ''), 'hex');
const transportsOf = (stored: string[]) => stored as AuthenticatorTransportFuture[];

async function passkeysOf(db: DbOrTx, userId: string) {
  return db
    .select({ id: passkeys.id, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt));
}

/** What the browser needs to create a passkey for this person; the keys they have are excluded. */
export async function passkeyRegistrationOptions(
  ctx: AppContext,
  user: { id: string; email: string; name: string },
) {
  const { rpID, rpName } = relyingParty(ctx);
  const existing = await passkeysOf(ctx.db, user.id);
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: userHandle(user.id),
    attestationType: 'none',
    timeout: passkeyCeremonyMinutes * 60_000,
    excludeCredentials: existing.map((key) => ({ id: key.id, transports: transportsOf(key.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await keepChallenge(ctx, user.id, 'register', options.challenge);
  return options;
}

/**
 * Checks the new credential against the challenge, the portal's origin and host name, and keeps
 * its public key under the name the person gave it. The first factor of an account comes with
 * recovery codes, as for an authenticator app.
 */
export async function registerPasskey(
  ctx: AppContext,
  userId: string,
  input: { name: string; response: RegistrationResponseJSON },
): Promise<{ recoveryCodes: string[] }> {
  const expectedChallenge = await takeChallenge(ctx, userId, 'register');
  if (!expectedChallenge) throw new AppError('passkey_registration_failed');
  const { rpID, origin } = relyingParty(ctx);
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) throw new AppError('passkey_registration_failed');
  const { credential } = verification.registrationInfo;
  const now = ctx.clock.now();
  const hadFactor = (await factorsOf(ctx.db, userId)).length > 0;
  const inserted = await ctx.db
    .insert(passkeys)
    .values({
      id: credential.id,
      userId,
      name: input.name,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      signCount: credential.counter,
      transports: credential.transports ?? [],
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: passkeys.id });
  if (inserted.length === 0) throw new AppError('passkey_registration_failed');
  return { recoveryCodes: hadFactor ? [] : await issueRecoveryCodes(ctx.db, ctx.config.secret, userId, now) };
}

/** What the browser needs to sign in with one of this person's passkeys. */
export async function passkeyAuthenticationOptions(ctx: AppContext, userId: string) {
  const keys = await passkeysOf(ctx.db, userId);
  if (keys.length === 0) throw new AppError('passkey_not_found');
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(ctx).rpID,
    allowCredentials: keys.map((key) => ({ id: key.id, transports: transportsOf(key.transports) })),
    userVerification: 'preferred',
    timeout: passkeyCeremonyMinutes * 60_000,
  });
  await keepChallenge(ctx, userId, 'authenticate', options.challenge);
  return options;
}

/**
 * Whether the response is a signature of the pending challenge by one of this person's passkeys.
 * The signature counter must move forward (a cloned key shows an old one; keys that keep no
 * counter always say 0); it is moved by a conditional update, so the same response accepted twice
 * at once still counts once.
 */
export async function acceptPasskeyAssertion(
  ctx: AppContext,
  userId: string,
  response: AuthenticationResponseJSON,
): Promise<boolean> {
  const expectedChallenge = await takeChallenge(ctx, userId, 'authenticate');
  if (!expectedChallenge) return false;
  const [key] = await ctx.db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.id, response.id), eq(passkeys.userId, userId)))
    .limit(1);
  if (!key) return false;
  return verifyAssertion(ctx, key, response, expectedChallenge, false);
}

/**
 * Checks the signature of `expectedChallenge` by this stored passkey and moves its counter.
 * `requireUserVerification`: the key itself must have checked the person (sign-in with it alone).
 */
export async function verifyAssertion(
  ctx: AppContext,
  key: typeof passkeys.$inferSelect,
  response: AuthenticationResponseJSON,
  expectedChallenge: string,
  requireUserVerification: boolean,
): Promise<boolean> {
  const { rpID, origin } = relyingParty(ctx);
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: {
      id: key.id,
      publicKey: new Uint8Array(Buffer.from(key.publicKey, 'base64url')),
      counter: key.signCount,
      transports: transportsOf(key.transports),
    },
    requireUserVerification,
  }).catch(() => null);
  if (!verification?.verified) return false;
  const { newCounter } = verification.authenticationInfo;
  const moved = await ctx.db
    .update(passkeys)
    .set({ signCount: newCounter, lastUsedAt: ctx.clock.now() })
    .where(and(eq(passkeys.id, key.id), eq(passkeys.signCount, key.signCount)))
    .returning({ id: passkeys.id });
  return moved.length > 0;
}

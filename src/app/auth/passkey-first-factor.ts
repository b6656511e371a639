import { type AuthenticationResponseJSON, generateAuthenticationOptions } from '@simplewebauthn/server';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { passkeys, users, webauthnChallenges } from '../../db/schema/index';
import type { AppContext } from '../context';
import { AppError } from '../errors/index';
import { assertPasswordSignInAllowed } from './oidc-sign-in';
import { passkeyCeremonyMinutes, relyingParty, verifyAssertion } from './passkeys';
import { throttledCheck } from './second-factor';
import { createSession } from './sessions';

/**
 * Sign-in with a passkey alone, no address or password typed: the browser offers the passkeys it
 * holds for the portal, and the one chosen says whose it is. The authenticator must have verified
 * the person (fingerprint, face, PIN), so the key counts for both steps.
 */
export async function passkeyFirstFactorOptions(ctx: AppContext) {
  const now = ctx.clock.now();
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(ctx).rpID,
    userVerification: 'required',
    timeout: passkeyCeremonyMinutes * 60_000,
  });
  // Nobody is known yet: the challenge waits under no one, and old ones are swept as new come.
  await ctx.db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.kind, 'sign-in'), lt(webauthnChallenges.expiresAt, now)));
  await ctx.db.insert(webauthnChallenges).values({
    userId: null,
    kind: 'sign-in',
    challenge: options.challenge,
    expiresAt: new Date(now.getTime() + passkeyCeremonyMinutes * 60_000),
  });
  return options;
}

/** The challenge the browser signed, as its client data says; the signature check proves it. */
function challengeOf(response: AuthenticationResponseJSON): string | null {
  try {
    const clientData = JSON.parse(
      Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8'),
    );
    return typeof clientData?.challenge === 'string' ? clientData.challenge : null;
  } catch {
    return null;
  }
}

/** Takes the sign-in challenge out of the store: one answer each, none after its time. */
async function takeSignInChallenge(ctx: AppContext, challenge: string | null): Promise<string | null> {
  if (!challenge) return null;
  const [row] = await ctx.db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.kind, 'sign-in'),
        isNull(webauthnChallenges.userId),
        eq(webauthnChallenges.challenge, challenge),
      ),
    )
    .returning();
  return row && row.expiresAt > ctx.clock.now() ? row.challenge : null;
}

/**
 * A session for the owner of the passkey that signed the challenge. Attempts are counted by the
 * sign-in throttle, for the key's account (or the unknown key) and the address, like passwords.
 */
export async function signInWithPasskey(
  ctx: AppContext,
  input: { response: AuthenticationResponseJSON; ip: string },
) {
  const [found] = await ctx.db
    .select({ key: passkeys, user: users })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(eq(passkeys.id, input.response.id))
    .limit(1);
  const throttleAs = found?.user.email ?? `passkey:${input.response.id.slice(0, 64)}`;
  await throttledCheck(
    ctx,
    throttleAs,
    input.ip,
    async () => {
      const expectedChallenge = await takeSignInChallenge(ctx, challengeOf(input.response));
      if (!expectedChallenge || !found?.user.active) return false;
      return verifyAssertion(ctx, found.key, input.response, expectedChallenge, true);
    },
    'passkey_invalid',
  );
  if (!found) throw new AppError('passkey_invalid');
  assertPasswordSignInAllowed(ctx, found.user);
  const session = await createSession(ctx.db, found.user.id, ctx.clock.now(), ctx.config.SESSION_TTL_HOURS);
  return { ...session, user: found.user };
}

import { and, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { signInChallenges, users } from '../../db/schema/index';
import type { AppContext } from '../context';
import { AppError, type ErrorCode } from '../errors/index';
import { factorsOf, type SecondFactorMethod } from './factors';
import { issueRecoveryCodes, spendRecoveryCode } from './recovery-codes';
import { createSession } from './sessions';
import { admitLoginAttempt, refundLoginAttempt, trimLoginAttempts } from './throttle';
import { hashToken, newToken } from './tokens';
import { acceptTotpCode, looksLikeTotpCode, markTotpConfirmed, startTotpEnrolment } from './totp';
import { mustUseTwoFactor } from './two-factor-requirement';

export type SignInStep = 'verify' | 'enrol';
type User = typeof users.$inferSelect;

/** Time to fetch the phone or the key after the password; the attempt then starts over. */
export const signInChallengeMinutes = 10;

/** After the right password: what still stands between the person and a session, if anything. */
export async function secondStepFor(
  db: DbOrTx,
  user: Pick<User, 'id' | 'role'>,
): Promise<{ step: SignInStep; methods: SecondFactorMethod[] } | null> {
  const methods = await factorsOf(db, user.id);
  if (methods.length > 0) return { step: 'verify', methods };
  if (await mustUseTwoFactor(db, user)) return { step: 'enrol', methods };
  return null;
}

export async function openSignInChallenge(db: DbOrTx, userId: string, purpose: SignInStep, now: Date) {
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + signInChallengeMinutes * 60_000);
  await db.delete(signInChallenges).where(lt(signInChallenges.expiresAt, now));
  await db.insert(signInChallenges).values({ tokenHash: hash, userId, purpose, createdAt: now, expiresAt });
  return { token, expiresAt };
}

export interface PendingSignIn {
  token: string;
  purpose: SignInStep;
  user: User;
}

/** The sign-in this cookie holds halfway, or a clear "start again" when it has none or it expired. */
export async function pendingSignIn(ctx: AppContext, token: string | undefined): Promise<PendingSignIn> {
  if (!token) throw new AppError('sign_in_challenge_expired');
  const [row] = await ctx.db
    .select({ challenge: signInChallenges, user: users })
    .from(signInChallenges)
    .innerJoin(users, eq(users.id, signInChallenges.userId))
    .where(
      and(
        eq(signInChallenges.tokenHash, hashToken(token)),
        gt(signInChallenges.expiresAt, ctx.clock.now()),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('sign_in_challenge_expired');
  return { token, purpose: row.challenge.purpose, user: row.user };
}

export async function describePendingSignIn(ctx: AppContext, token: string | undefined) {
  const pending = await pendingSignIn(ctx, token);
  return { purpose: pending.purpose, methods: await factorsOf(ctx.db, pending.user.id) };
}

/**
 * One second-factor attempt, inside the sign-in throttle: it is counted for the account and the
 * address like a password attempt, so wrong codes use up the same allowance; a right one is
 * handed back.
 */
export async function throttledCheck(
  ctx: AppContext,
  email: string,
  ip: string,
  check: () => Promise<boolean>,
  failure: ErrorCode = 'second_factor_invalid',
): Promise<void> {
  const now = ctx.clock.now();
  const admission = await admitLoginAttempt(ctx.db, email, ip, now);
  if (!admission.admitted) {
    const { retryAfterSeconds } = admission;
    throw new AppError('too_many_attempts', {
      minutes: Math.ceil(retryAfterSeconds / 60),
      retryAfterSeconds,
    });
  }
  if (await check()) {
    await refundLoginAttempt(ctx.db, email, ip);
    return;
  }
  await trimLoginAttempts(ctx.db, now);
  throw new AppError(failure);
}

/** A code typed by a person: six digits from their app, or otherwise one of their recovery codes. */
export async function checkCode(ctx: AppContext, db: DbOrTx, userId: string, code: string): Promise<boolean> {
  if (looksLikeTotpCode(code)) return acceptTotpCode(ctx, db, userId, code, 'confirmed');
  return spendRecoveryCode(db, ctx.config.secret, userId, code, ctx.clock.now());
}

/** The second step of sign-in with a code. */
export async function verifySecondFactor(
  ctx: AppContext,
  input: { challengeToken: string | undefined; code: string; ip: string },
) {
  const pending = await pendingSignIn(ctx, input.challengeToken);
  if (pending.purpose !== 'verify') throw new AppError('sign_in_challenge_expired');
  await throttledCheck(ctx, pending.user.email, input.ip, () =>
    checkCode(ctx, ctx.db, pending.user.id, input.code),
  );
  return finishSignIn(ctx, pending, input.ip);
}

/** A staff member made to enrol at sign-in: the secret for their app. */
export async function startEnrolmentAtSignIn(ctx: AppContext, challengeToken: string | undefined) {
  const pending = await pendingSignIn(ctx, challengeToken);
  if (pending.purpose !== 'enrol') throw new AppError('sign_in_challenge_expired');
  return startTotpEnrolment(ctx, pending.user);
}

/** The first code from the new app completes both the enrolment and the sign-in. */
export async function confirmEnrolmentAtSignIn(
  ctx: AppContext,
  input: { challengeToken: string | undefined; code: string; ip: string },
) {
  const pending = await pendingSignIn(ctx, input.challengeToken);
  if (pending.purpose !== 'enrol') throw new AppError('sign_in_challenge_expired');
  const { user } = pending;
  await throttledCheck(ctx, user.email, input.ip, () =>
    acceptTotpCode(ctx, ctx.db, user.id, input.code, 'pending'),
  );
  const recoveryCodes = await confirmTotp(ctx, ctx.db, user.id);
  return { ...(await finishSignIn(ctx, pending, input.ip)), recoveryCodes };
}

/** Marks the pending app confirmed; the first factor of an account comes with recovery codes. */
export async function confirmTotp(ctx: AppContext, db: DbOrTx, userId: string): Promise<string[]> {
  const hadFactor = (await factorsOf(db, userId)).length > 0;
  const now = ctx.clock.now();
  await markTotpConfirmed(db, userId, now);
  return hadFactor ? [] : issueRecoveryCodes(db, ctx.config.secret, userId, now);
}

/**
 * Turns the halfway sign-in into a session. The challenge is spent by its deletion, so one
 * password and one code open one session, even if the code is sent twice at once.
 */
export async function finishSignIn(ctx: AppContext, pending: PendingSignIn, ip: string) {
  const now = ctx.clock.now();
  const spent = await ctx.db
    .delete(signInChallenges)
    .where(eq(signInChallenges.tokenHash, hashToken(pending.token)))
    .returning({ userId: signInChallenges.userId });
  if (spent.length === 0) throw new AppError('sign_in_challenge_expired');
  // The password was right too: its attempt, kept counted until now, is handed back.
  await refundLoginAttempt(ctx.db, pending.user.email, ip);
  const session = await createSession(ctx.db, pending.user.id, now, ctx.config.SESSION_TTL_HOURS);
  return { ...session, user: pending.user };
}

export async function dropPendingSignIn(ctx: AppContext, token: string | undefined): Promise<void> {
  if (!token) return;
  await ctx.db.delete(signInChallenges).where(eq(signInChallenges.tokenHash, hashToken(token)));
}

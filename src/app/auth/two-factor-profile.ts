import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { and, asc, count, eq } from 'drizzle-orm';
import { passkeys } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { factorsOf } from './factors';
import { passkeyRegistrationOptions, registerPasskey } from './passkeys';
import { dropRecoveryCodes, issueRecoveryCodes, recoveryCodesLeft } from './recovery-codes';
import { checkCode, confirmTotp, throttledCheck } from './second-factor';
import { acceptTotpCode, hasTotp, removeTotp, startTotpEnrolment } from './totp';
import { mustUseTwoFactor } from './two-factor-requirement';

/** What the profile page shows of a person's second factors; never a secret. */
export async function twoFactorStatus(ctx: AppContext, actor: Actor) {
  const keys = await ctx.db
    .select({
      id: passkeys.id,
      name: passkeys.name,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
    })
    .from(passkeys)
    .where(eq(passkeys.userId, actor.userId))
    .orderBy(asc(passkeys.createdAt));
  return {
    totp: await hasTotp(ctx.db, actor.userId),
    passkeys: keys,
    recoveryCodesLeft: await recoveryCodesLeft(ctx.db, actor.userId),
    required: await mustUseTwoFactor(ctx.db, actor),
  };
}

export const startOwnTotpEnrolment = (ctx: AppContext, actor: Actor) =>
  startTotpEnrolment(ctx, { id: actor.userId, email: actor.email });

/** The first code from the app proves it holds the secret; wrong codes count as sign-in failures. */
export async function confirmOwnTotp(ctx: AppContext, actor: Actor, input: { code: string; ip: string }) {
  await throttledCheck(ctx, actor.email, input.ip, () =>
    acceptTotpCode(ctx, ctx.db, actor.userId, input.code, 'pending'),
  );
  return { recoveryCodes: await confirmTotp(ctx, ctx.db, actor.userId) };
}

/**
 * Turning the app off takes a current code (or a recovery code), so a session left open on
 * someone else's screen cannot remove it. Staff who must use a second factor keep at least one.
 */
export async function disableOwnTotp(ctx: AppContext, actor: Actor, input: { code: string; ip: string }) {
  if (!(await hasTotp(ctx.db, actor.userId))) throw new AppError('totp_not_enabled');
  const factors = await factorsOf(ctx.db, actor.userId);
  if (factors.length === 1 && (await mustUseTwoFactor(ctx.db, actor)))
    throw new AppError('two_factor_required');
  await throttledCheck(ctx, actor.email, input.ip, () => checkCode(ctx, ctx.db, actor.userId, input.code));
  await removeTotp(ctx.db, actor.userId);
  if (factors.length === 1) await dropRecoveryCodes(ctx.db, actor.userId);
}

/** A new set of recovery codes, the old ones void; proved with a current code like disabling. */
export async function renewOwnRecoveryCodes(
  ctx: AppContext,
  actor: Actor,
  input: { code: string; ip: string },
) {
  if ((await factorsOf(ctx.db, actor.userId)).length === 0) throw new AppError('totp_not_enabled');
  await throttledCheck(ctx, actor.email, input.ip, () => checkCode(ctx, ctx.db, actor.userId, input.code));
  return {
    recoveryCodes: await issueRecoveryCodes(ctx.db, ctx.config.secret, actor.userId, ctx.clock.now()),
  };
}

export const startOwnPasskeyRegistration = (ctx: AppContext, actor: Actor) =>
  passkeyRegistrationOptions(ctx, { id: actor.userId, email: actor.email, name: actor.name });

export const registerOwnPasskey = (
  ctx: AppContext,
  actor: Actor,
  input: { name: string; response: RegistrationResponseJSON },
) => registerPasskey(ctx, actor.userId, input);

export async function renameOwnPasskey(ctx: AppContext, actor: Actor, id: string, name: string) {
  const renamed = await ctx.db
    .update(passkeys)
    .set({ name })
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, actor.userId)))
    .returning({ id: passkeys.id });
  if (renamed.length === 0) throw new AppError('passkey_not_found');
}

/**
 * Removes one of the person's passkeys. Staff who must use a second factor keep at least one;
 * with the last factor gone, the recovery codes go too.
 */
export async function removeOwnPasskey(ctx: AppContext, actor: Actor, id: string) {
  const [key] = await ctx.db
    .select({ id: passkeys.id })
    .from(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, actor.userId)))
    .limit(1);
  if (!key) throw new AppError('passkey_not_found');
  const factorsBefore = await countFactors(ctx, actor.userId);
  if (factorsBefore === 1 && (await mustUseTwoFactor(ctx.db, actor)))
    throw new AppError('two_factor_required');
  await ctx.db.delete(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.userId, actor.userId)));
  if (factorsBefore === 1) await dropRecoveryCodes(ctx.db, actor.userId);
}

/** The app counts as one factor, each passkey as one. */
async function countFactors(ctx: AppContext, userId: string): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return Number(row?.n ?? 0) + ((await hasTotp(ctx.db, userId)) ? 1 : 0);
}

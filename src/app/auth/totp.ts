import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { DbOrTx } from '../../db/client';
import { totpFactors } from '../../db/schema/index';
import type { AppContext } from '../context';
import { AppError } from '../errors/index';
import { seal, unseal } from './secret-box';

/** RFC 6238 defaults, the ones every authenticator app reads from the QR code. */
const period = 30;
const digits = 6;
/** One step either side: a phone clock half a minute off still works, a code lives at most 90 s. */
const window = 1;
const sealPurpose = 'totp-secret';

const totpOf = (secret: string, label = '') =>
  new TOTP({
    issuer: 'Guichet',
    label,
    algorithm: 'SHA1',
    digits,
    period,
    secret: Secret.fromBase32(secret),
  });

export const looksLikeTotpCode = (code: string): boolean => /^\d{6}$/.test(code.replace(/\s/g, ''));

export interface TotpEnrolment {
  /** Base32, for typing into an app by hand. */
  secret: string;
  /** The otpauth:// address the QR code holds. */
  uri: string;
  /** The QR code as an SVG document. */
  qrSvg: string;
}

/**
 * Draws a new secret for the person's authenticator app. It waits unconfirmed until a first code
 * proves the app has it; starting again replaces an unconfirmed secret, never a confirmed one.
 */
export async function startTotpEnrolment(
  ctx: AppContext,
  user: { id: string; email: string },
): Promise<TotpEnrolment> {
  const now = ctx.clock.now();
  if (await hasTotp(ctx.db, user.id)) throw new AppError('totp_already_enabled');
  const secret = new Secret({ size: 20 }).base32;
  const secretSealed = seal(ctx.config.secret, sealPurpose, secret);
  await ctx.db
    .insert(totpFactors)
    .values({ userId: user.id, secretSealed, createdAt: now })
    .onConflictDoUpdate({
      target: totpFactors.userId,
      set: { secretSealed, createdAt: now, lastUsedStep: null },
      where: isNull(totpFactors.confirmedAt),
    });
  const uri = totpOf(secret, user.email).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, uri, qrSvg };
}

/**
 * Whether the code is the one the person's app shows now (or one step either side), for their
 * confirmed factor, or for the one being enrolled. A code is accepted once: its time step is
 * recorded by a conditional update, so a code seen on the wire cannot be replayed, even in parallel.
 */
export async function acceptTotpCode(
  ctx: AppContext,
  db: DbOrTx,
  userId: string,
  code: string,
  which: 'confirmed' | 'pending',
): Promise<boolean> {
  const confirmedState =
    which === 'confirmed' ? isNotNull(totpFactors.confirmedAt) : isNull(totpFactors.confirmedAt);
  const [factor] = await db
    .select()
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, userId), confirmedState))
    .limit(1);
  if (!factor) return false;
  const secret = unseal(ctx.config.secret, sealPurpose, factor.secretSealed);
  if (!secret) return false;
  const timestamp = ctx.clock.now().getTime();
  const delta = totpOf(secret).validate({ token: code.replace(/\s/g, ''), timestamp, window });
  if (delta === null) return false;
  const step = TOTP.counter({ period, timestamp }) + delta;
  const accepted = await db
    .update(totpFactors)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(totpFactors.userId, userId),
        confirmedState,
        or(isNull(totpFactors.lastUsedStep), lt(totpFactors.lastUsedStep, step)),
      ),
    )
    .returning({ userId: totpFactors.userId });
  return accepted.length > 0;
}

export async function markTotpConfirmed(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.update(totpFactors).set({ confirmedAt: now }).where(eq(totpFactors.userId, userId));
}

export async function hasTotp(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: totpFactors.userId })
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt)))
    .limit(1);
  return row !== undefined;
}

export async function removeTotp(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(totpFactors).where(eq(totpFactors.userId, userId));
}

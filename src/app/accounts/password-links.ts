import type { DbOrTx } from '../../db/client';
import { oneTimeTokens } from '../../db/schema/index';
import type { Language } from '../../i18n/language';
import { newToken } from '../auth/tokens';
import type { AppContext } from '../context';
import { queueMail } from '../outbox';

export type PasswordTokenPurpose = 'set_password' | 'reset_password';

/** How long a link stays usable: a welcome link waits for the person to read mail, a reset does not. */
export const passwordLinkHours: Record<PasswordTokenPurpose, number> = {
  set_password: 72,
  reset_password: 1,
};

export interface LinkRecipient {
  id: string;
  name: string;
  email: string;
  language: Language;
}

/** A one-time token: the random value goes into the link, only its sha-256 hash is stored. */
export async function issuePasswordToken(
  db: DbOrTx,
  userId: string,
  purpose: PasswordTokenPurpose,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + passwordLinkHours[purpose] * 3_600_000);
  await db.insert(oneTimeTokens).values({ tokenHash: hash, userId, purpose, expiresAt, createdAt: now });
  return { token, expiresAt };
}

export const setPasswordLink = (ctx: AppContext, token: string): string =>
  `${ctx.publicUrl}/set-password?token=${encodeURIComponent(token)}`;

/**
 * Welcomes a new account with a link to choose its password: used when a request is approved and
 * when an administrator creates a user. Mailed to the login address, never to a notification address,
 * since the link grants the account.
 */
export async function sendSetPasswordInvitation(
  ctx: AppContext,
  db: DbOrTx,
  user: LinkRecipient,
  now: Date,
): Promise<void> {
  const { token, expiresAt } = await issuePasswordToken(db, user.id, 'set_password', now);
  await queueMail(
    db,
    {
      template: 'account.approved',
      recipient: user.email,
      language: user.language,
      params: { name: user.name, link: setPasswordLink(ctx, token), expiresAt: expiresAt.toISOString() },
    },
    now,
  );
}

/** Mails a password-reset link (valid one hour) to an existing account. */
export async function sendPasswordReset(
  ctx: AppContext,
  db: DbOrTx,
  user: LinkRecipient,
  now: Date,
): Promise<void> {
  const { token, expiresAt } = await issuePasswordToken(db, user.id, 'reset_password', now);
  await queueMail(
    db,
    {
      template: 'account.password_reset',
      recipient: user.email,
      language: user.language,
      params: { name: user.name, link: setPasswordLink(ctx, token), expiresAt: expiresAt.toISOString() },
    },
    now,
  );
}

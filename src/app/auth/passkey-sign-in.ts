import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { AppContext } from '../context';
import { AppError } from '../errors/index';
import {
  acceptPasskeyAssertion,
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  registerPasskey,
} from './passkeys';
import {
  finishSignIn,
  type PendingSignIn,
  pendingSignIn,
  type SignInStep,
  throttledCheck,
} from './second-factor';

async function pendingFor(
  ctx: AppContext,
  token: string | undefined,
  purpose: SignInStep,
): Promise<PendingSignIn> {
  const pending = await pendingSignIn(ctx, token);
  if (pending.purpose !== purpose) throw new AppError('sign_in_challenge_expired');
  return pending;
}

/** The second step with a passkey: a challenge for one of the person's keys. */
export async function startPasskeySignIn(ctx: AppContext, challengeToken: string | undefined) {
  const pending = await pendingFor(ctx, challengeToken, 'verify');
  return passkeyAuthenticationOptions(ctx, pending.user.id);
}

/** The key's signature completes sign-in; a wrong one counts against the sign-in allowance. */
export async function verifyPasskeySignIn(
  ctx: AppContext,
  input: { challengeToken: string | undefined; response: AuthenticationResponseJSON; ip: string },
) {
  const pending = await pendingFor(ctx, input.challengeToken, 'verify');
  await throttledCheck(
    ctx,
    pending.user.email,
    input.ip,
    () => acceptPasskeyAssertion(ctx, pending.user.id, input.response),
    'passkey_invalid',
  );
  return finishSignIn(ctx, pending, input.ip);
}

/** A staff member made to enrol at sign-in may choose a passkey instead of an app. */
export async function startPasskeyEnrolmentAtSignIn(ctx: AppContext, challengeToken: string | undefined) {
  const { user } = await pendingFor(ctx, challengeToken, 'enrol');
  return passkeyRegistrationOptions(ctx, user);
}

/** The new passkey completes both the enrolment and the sign-in (recovery codes shown once). */
export async function confirmPasskeyEnrolmentAtSignIn(
  ctx: AppContext,
  input: { challengeToken: string | undefined; name: string; response: RegistrationResponseJSON; ip: string },
) {
  const pending = await pendingFor(ctx, input.challengeToken, 'enrol');
  const { recoveryCodes } = await registerPasskey(ctx, pending.user.id, input);
  return { ...(await finishSignIn(ctx, pending, input.ip)), recoveryCodes };
}

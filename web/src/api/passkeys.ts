import {
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import { ApiError, apiDelete, apiPatch, apiPost } from './client';
import type { SignedIn } from './two-factor';

/**
 * Passkeys (WebAuthn) through @simplewebauthn/browser: the server's options go to the browser,
 * which asks the person for their fingerprint, face, PIN or key, and its answer goes back.
 */

/** The browser's own refusal (cancelled, timed out, no key): told apart from the portal's errors. */
export class PasskeyCeremonyError extends Error {}

async function ceremony<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new PasskeyCeremonyError(error instanceof Error ? error.message : String(error));
  }
}

const create = (optionsJSON: PublicKeyCredentialCreationOptionsJSON) =>
  ceremony(() => startRegistration({ optionsJSON }));
const get = (optionsJSON: PublicKeyCredentialRequestOptionsJSON) =>
  ceremony(() => startAuthentication({ optionsJSON }));

/** Registers a new passkey from the profile; the first factor of an account brings recovery codes. */
export async function addPasskey(name: string) {
  const options = await apiPost<PublicKeyCredentialCreationOptionsJSON>(
    '/api/profile/two-factor/passkeys/options',
  );
  const response = await create(options);
  return apiPost<{ recoveryCodes: string[] }>('/api/profile/two-factor/passkeys', { name, response });
}

export const renamePasskey = (id: string, name: string) =>
  apiPatch<{ ok: true }>(`/api/profile/two-factor/passkeys/${encodeURIComponent(id)}`, { name });
export const removePasskey = (id: string) =>
  apiDelete<{ ok: true }>(`/api/profile/two-factor/passkeys/${encodeURIComponent(id)}`);

/** The second step of sign-in with a passkey. */
export async function signInWithPasskey() {
  const options = await apiPost<PublicKeyCredentialRequestOptionsJSON>(
    '/api/session/second-factor/passkey/options',
  );
  const response = await get(options);
  return apiPost<SignedIn>('/api/session/second-factor/passkey', { response });
}

/** Staff made to enrol at sign-in: a new passkey completes the sign-in. */
export async function enrolPasskeyAtSignIn(name: string) {
  const options = await apiPost<PublicKeyCredentialCreationOptionsJSON>(
    '/api/session/second-factor/enrolment/passkey/options',
  );
  const response = await create(options);
  return apiPost<SignedIn>('/api/session/second-factor/enrolment/passkey', { name, response });
}

/** Sign-in with a passkey alone: the browser offers the portal's passkeys it holds. */
export async function signInWithPasskeyAlone() {
  const options = await apiPost<PublicKeyCredentialRequestOptionsJSON>('/api/session/passkey/options');
  const response = await get(options);
  return apiPost<SignedIn>('/api/session/passkey', { response });
}

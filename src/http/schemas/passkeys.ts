import { z } from 'zod';
import { text } from './common';

/** Binary WebAuthn fields travel as base64url; each is bounded well above what authenticators send. */
const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/);

/** A credential id: at most 1023 bytes (WebAuthn level 3), so 1364 characters of base64url. */
export const credentialId = base64url(1400);
export const passkeyParams = z.object({ id: credentialId });

const transports = z.array(z.string().max(32)).max(10);
const attachment = z.enum(['platform', 'cross-platform']);
/** Only the one extension the portal asks for is read back; any other is dropped. */
const extensionResults = z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() });

export const passkeyName = text(60);

/** What the browser's navigator.credentials.create() gave, as @simplewebauthn/browser encodes it. */
export const registrationResponse = z.object({
  id: credentialId,
  rawId: credentialId,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4_000),
    attestationObject: base64url(32_000),
    authenticatorData: base64url(16_000).optional(),
    transports: transports.optional(),
    publicKeyAlgorithm: z.number().int().min(-1_000_000).max(1_000_000).optional(),
    publicKey: base64url(4_000).optional(),
  }),
  authenticatorAttachment: attachment.optional(),
  clientExtensionResults: extensionResults,
});

export const registerPasskeyBody = z.object({ name: passkeyName, response: registrationResponse });
export const renamePasskeyBody = z.object({ name: passkeyName });

/** What navigator.credentials.get() gave. */
export const authenticationResponse = z.object({
  id: credentialId,
  rawId: credentialId,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4_000),
    authenticatorData: base64url(16_000),
    signature: base64url(2_000),
    userHandle: base64url(200).optional(),
  }),
  authenticatorAttachment: attachment.optional(),
  clientExtensionResults: extensionResults,
});

export const passkeySignInBody = z.object({ response: authenticationResponse });

const descriptor = z.object({
  id: z.string(),
  type: z.literal('public-key'),
  transports: z.array(z.string()).optional(),
});

/** PublicKeyCredentialCreationOptionsJSON, for @simplewebauthn/browser's startRegistration(). */
export const registrationOptions = z.object({
  challenge: z.string(),
  rp: z.object({ name: z.string(), id: z.string().optional() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.literal('public-key') })),
  timeout: z.number().optional(),
  attestation: z.enum(['none', 'indirect', 'direct', 'enterprise']).optional(),
  excludeCredentials: z.array(descriptor).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: attachment.optional(),
      residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
      requireResidentKey: z.boolean().optional(),
      userVerification: z.enum(['discouraged', 'preferred', 'required']).optional(),
    })
    .optional(),
  extensions: z.object({ credProps: z.boolean().optional() }).optional(),
  hints: z.array(z.string()).optional(),
});

/** PublicKeyCredentialRequestOptionsJSON, for startAuthentication(). */
export const authenticationOptions = z.object({
  challenge: z.string(),
  rpId: z.string().optional(),
  timeout: z.number().optional(),
  allowCredentials: z.array(descriptor).optional(),
  userVerification: z.enum(['discouraged', 'preferred', 'required']).optional(),
  hints: z.array(z.string()).optional(),
});

import { z } from 'zod';
import { meSchema, sessionResponse } from './session';

/**
 * Where a sign-in stands after the right password, when a second step is due. 'verify': prove a
 * factor the account has; 'enrol': a staff member must set one up before going on.
 */
export const secondFactorStepSchema = sessionResponse.shape.secondFactor.unwrap();

/** A code from the authenticator app (6 digits) or a recovery code (xxxxx-xxxxx). */
export const codeBody = z.object({
  code: z
    .string()
    .trim()
    .min(6)
    .max(20)
    .regex(/^[0-9A-Za-z\s-]+$/),
});

export const totpEnrolmentResponse = z.object({
  secret: z.string(),
  uri: z.string(),
  qrSvg: z.string(),
});

export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const signedInResponse = z.object({
  user: meSchema,
  language: z.enum(['fr', 'de', 'en']),
  /** Shown once, when the sign-in also enrolled the first factor. */
  recoveryCodes: z.array(z.string()).optional(),
});

export const twoFactorStatusResponse = z.object({
  totp: z.boolean(),
  passkeys: z.array(
    z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() }),
  ),
  recoveryCodesLeft: z.number().int(),
  /** This person is staff and an admin requires a second factor: the last one cannot be removed. */
  required: z.boolean(),
});

export const twoFactorPolicySchema = z.object({ requiredForStaff: z.boolean() });

import type { z } from 'zod';
import type {
  recoveryCodesResponse,
  secondFactorStepSchema,
  signedInResponse,
  totpEnrolmentResponse,
  twoFactorPolicySchema,
  twoFactorStatusResponse,
} from '../../../src/http/schemas/two-factor';
import { apiDelete, apiGet, apiPost, apiPut } from './client';

export type SecondFactorStep = z.infer<typeof secondFactorStepSchema>;
export type TotpEnrolment = z.infer<typeof totpEnrolmentResponse>;
export type SignedIn = z.infer<typeof signedInResponse>;
export type TwoFactorStatus = z.infer<typeof twoFactorStatusResponse>;
export type TwoFactorPolicy = z.infer<typeof twoFactorPolicySchema>;
type RecoveryCodes = z.infer<typeof recoveryCodesResponse>;

export const twoFactorKey = ['two-factor'] as const;

// The sign-in's second step.
export const fetchPendingSignIn = () => apiGet<SecondFactorStep>('/api/session/second-factor');
export const verifySecondFactor = (code: string) => apiPost<SignedIn>('/api/session/second-factor', { code });
export const abandonSignIn = () => apiDelete<{ ok: true }>('/api/session/second-factor');
export const startEnrolmentAtSignIn = () => apiPost<TotpEnrolment>('/api/session/second-factor/enrolment');
export const confirmEnrolmentAtSignIn = (code: string) =>
  apiPost<SignedIn>('/api/session/second-factor/enrolment/confirm', { code });

// The profile.
export const fetchTwoFactor = () => apiGet<TwoFactorStatus>('/api/profile/two-factor');
export const startTotp = () => apiPost<TotpEnrolment>('/api/profile/two-factor/totp');
export const confirmTotp = (code: string) =>
  apiPost<RecoveryCodes>('/api/profile/two-factor/totp/confirm', { code });
export const disableTotp = (code: string) =>
  apiPost<{ ok: true }>('/api/profile/two-factor/totp/disable', { code });
export const renewRecoveryCodes = (code: string) =>
  apiPost<RecoveryCodes>('/api/profile/two-factor/recovery-codes', { code });

// The admins' requirement.
export const fetchTwoFactorPolicy = () => apiGet<TwoFactorPolicy>('/api/admin/settings/two-factor');
export const saveTwoFactorPolicy = (policy: TwoFactorPolicy) =>
  apiPut<TwoFactorPolicy>('/api/admin/settings/two-factor', policy);

import type { z } from 'zod';
import type {
  accountRequestBody,
  accountRequestList,
  approveAccountRequestBody,
  approveAccountRequestResponse,
  passwordTokenStatus,
  refuseAccountRequestBody,
} from '../../../src/http/schemas/accounts';
import { apiGet, apiPost } from './client';

export type AccountRequestInput = z.input<typeof accountRequestBody>;
export type AccountRequest = z.infer<typeof accountRequestList>['items'][number];
export type PasswordTokenStatus = z.infer<typeof passwordTokenStatus>;

type Ok = { ok: true };

export const requestAccount = (input: AccountRequestInput) => apiPost<Ok>('/api/account-requests', input);
export const forgotPassword = (email: string) => apiPost<Ok>('/api/password/forgot', { email });
export const checkPasswordToken = (token: string) =>
  apiGet<PasswordTokenStatus>(`/api/password/token?token=${encodeURIComponent(token)}`);
export const setPassword = (token: string, password: string) =>
  apiPost<Ok>('/api/password/set', { token, password });

export const pendingAccountRequests = () =>
  apiGet<z.infer<typeof accountRequestList>>('/api/account-requests?status=pending');
export const approveAccountRequest = (id: string, input: z.input<typeof approveAccountRequestBody>) =>
  apiPost<z.infer<typeof approveAccountRequestResponse>>(`/api/account-requests/${id}/approve`, input);
export const refuseAccountRequest = (id: string, input: z.input<typeof refuseAccountRequestBody>) =>
  apiPost<Ok>(`/api/account-requests/${id}/refuse`, input);

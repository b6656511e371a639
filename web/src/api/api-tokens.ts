import type { z } from 'zod';
import type { apiTokenList, createApiTokenBody, createdApiToken } from '../../../src/http/schemas/api-tokens';
import { apiGet, apiPost } from './client';

export type ApiTokenList = z.infer<typeof apiTokenList>;
export type ApiTokenItem = ApiTokenList['items'][number];
export type CreatedApiToken = z.infer<typeof createdApiToken>;
export type TokenKind = 'personal' | 'integration';

const base = (kind: TokenKind) => (kind === 'personal' ? '/api/api-tokens' : '/api/admin/api-tokens');

export const apiTokensKey = (kind: TokenKind) => ['api-tokens', kind] as const;
export const fetchApiTokens = (kind: TokenKind) => apiGet<ApiTokenList>(base(kind));
export const createApiToken = (kind: TokenKind, input: z.input<typeof createApiTokenBody>) =>
  apiPost<CreatedApiToken>(base(kind), input);
export const revokeApiToken = (kind: TokenKind, id: string) =>
  apiPost<ApiTokenItem>(`${base(kind)}/${id}/revoke`);

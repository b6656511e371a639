import { z } from 'zod';
import { maxTokenLifeDays, tokenKinds, tokenScopes } from '../../domain/api-tokens/scopes';
import { text } from './common';

export const tokenScopeSchema = z.enum(tokenScopes);
export const tokenKindSchema = z.enum(tokenKinds);

export const createApiTokenBody = z.object({
  name: text(100),
  scopes: z.array(tokenScopeSchema).min(1).max(tokenScopes.length),
  /** Days from now until the token stops working. */
  expiresInDays: z.number().int().min(1).max(maxTokenLifeDays),
});

export const apiTokenSchema = z.object({
  id: z.uuid(),
  kind: tokenKindSchema,
  name: z.string(),
  scopes: z.array(z.string()),
  /** The first characters of the token, to tell tokens apart. */
  displayPrefix: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenList = z.object({
  items: z.array(apiTokenSchema),
  /** The scopes the caller may give a new token. */
  scopesOffered: z.array(tokenScopeSchema),
  maxLifeDays: z.number().int(),
});

/** The token itself appears in this answer only. */
export const createdApiToken = z.object({ token: z.string(), item: apiTokenSchema });

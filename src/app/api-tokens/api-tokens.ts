import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiTokens, users } from '../../db/schema/index';
import {
  maxTokenLifeDays,
  scopesOpenTo,
  type TokenKind,
  type TokenScope,
  tokenPrefix,
} from '../../domain/api-tokens/scopes';
import { hashToken } from '../auth/tokens';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type ApiTokenView = ApiTokenRow & { ownerName: string };

export interface CreateApiTokenInput {
  kind: TokenKind;
  name: string;
  scopes: TokenScope[];
  /** Days from now until the token stops working. */
  expiresInDays: number;
}

/**
 * Creates a token acting as the caller, limited to the scopes asked (never more than the caller's
 * role allows). The token is returned this once; only its sha-256 is kept.
 */
export async function createApiToken(
  ctx: AppContext,
  actor: Actor,
  input: CreateApiTokenInput,
): Promise<{ token: string; row: ApiTokenRow }> {
  authorize(policy.keepApiToken(actor, { kind: input.kind, ownerId: actor.userId }));
  const open = scopesOpenTo(actor.role);
  const refused = input.scopes.find((scope) => !open.includes(scope));
  if (refused) throw new AppError('token_scope_not_allowed', { scope: refused });
  if (
    !Number.isInteger(input.expiresInDays) ||
    input.expiresInDays < 1 ||
    input.expiresInDays > maxTokenLifeDays
  ) {
    throw new AppError('token_expiry_invalid', { days: maxTokenLifeDays });
  }
  const token = `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({
      kind: input.kind,
      ownerId: actor.userId,
      name: input.name,
      scopes: [...new Set(input.scopes)],
      tokenHash: hashToken(token),
      displayPrefix: token.slice(0, tokenPrefix.length + 6),
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
    })
    .returning();
  if (!row) throw new Error('api token insert returned nothing');
  return { token, row };
}

/** The caller's personal tokens, or (admins) every integration token; revoked ones included. */
export async function listApiTokens(ctx: AppContext, actor: Actor, kind: TokenKind): Promise<ApiTokenView[]> {
  authorize(policy.keepApiToken(actor, { kind, ownerId: actor.userId }));
  const mine = kind === 'personal' ? eq(apiTokens.ownerId, actor.userId) : undefined;
  const rows = await ctx.db
    .select({ token: apiTokens, ownerName: users.name })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.ownerId))
    .where(and(eq(apiTokens.kind, kind), mine))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((row) => ({ ...row.token, ownerName: row.ownerName }));
}

/** Revokes a token: the very next request that carries it is refused. */
export async function revokeApiToken(
  ctx: AppContext,
  actor: Actor,
  kind: TokenKind,
  id: string,
): Promise<ApiTokenRow> {
  const [current] = await ctx.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.kind, kind)));
  // Another person's personal token is not found rather than forbidden.
  if (!current || !policy.keepApiToken(actor, current)) throw new AppError('not_found');
  const [row] = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: ctx.clock.now(), revokedBy: actor.userId })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return row ?? current;
}

import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { apiTokens, users } from '../../db/schema/index';
import { type TokenScope, tokenScopes } from '../../domain/api-tokens/scopes';
import { hashToken } from '../auth/tokens';
import { type Actor, actorOf } from '../context';

/** Last-used times are written at most this often per token, not on every request. */
const lastUsedResolutionMs = 60_000;

export interface TokenIdentity {
  actor: Actor;
  tokenId: string;
  scopes: TokenScope[];
}

/**
 * Who a bearer token acts as: its owner, while the token is neither revoked nor expired and the
 * owner's account is active; null otherwise. Read from the database on every request, so a
 * revocation takes effect at once on every instance.
 */
export async function authenticateToken(db: DbOrTx, token: string, now: Date): Promise<TokenIdentity | null> {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.ownerId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, now),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  const stale = new Date(now.getTime() - lastUsedResolutionMs);
  if (!row.token.lastUsedAt || row.token.lastUsedAt < stale) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiTokens.id, row.token.id),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, stale)),
        ),
      );
  }
  const known = new Set<string>(tokenScopes);
  return {
    actor: actorOf(row.user),
    tokenId: row.token.id,
    scopes: row.token.scopes.filter((s): s is TokenScope => known.has(s)),
  };
}

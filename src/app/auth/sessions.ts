import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { sessions, users } from '../../db/schema/index';
import { type Actor, actorOf } from '../context';
import { announceSessionsEnded } from './session-ended';
import { hashToken, newToken } from './tokens';

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: DbOrTx,
  userId: string,
  now: Date,
  ttlHours: number,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const { token, hash } = newToken();
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db.insert(sessions).values({ tokenHash: hash, userId, csrfToken, createdAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

/** The session of a cookie token, if it is valid and its user still active. */
export async function findSession(db: DbOrTx, token: string, now: Date): Promise<SessionInfo | null> {
  return findSessionByHash(db, hashToken(token), now);
}

/** As findSession, by the token's hash; only the columns an actor is made of are read. */
export async function findSessionByHash(db: DbOrTx, hash: string, now: Date): Promise<SessionInfo | null> {
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      user: {
        id: users.id,
        role: users.role,
        companyId: users.companyId,
        isManager: users.isManager,
        language: users.language,
        name: users.name,
        email: users.email,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  return { actor: actorOf(row.user), csrfToken: row.csrfToken, expiresAt: row.expiresAt };
}

/** Signs one session out; its open live streams, on every instance, are closed. */
export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  const sessionHash = hashToken(token);
  await db.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
  await announceSessionsEnded(db, { sessionHash });
}

/** Signs a user out everywhere, e.g. after a password change or when the account is disabled. */
export async function deleteSessionsOf(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await announceSessionsEnded(db, { userId });
}

/** Of these session hashes, the ones still valid now (unexpired, user active). */
export async function validSessionHashes(db: DbOrTx, hashes: string[], now: Date): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .select({ hash: sessions.tokenHash })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(inArray(sessions.tokenHash, hashes), gt(sessions.expiresAt, now), eq(users.active, true)));
  return new Set(rows.map((row) => row.hash));
}

export async function purgeExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < ${now}`);
}

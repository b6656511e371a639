import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

/** The PostgreSQL channel on which ended sign-ins are announced, so every instance closes their streams. */
export const sessionEndedChannel = 'guichet_session_ended';

/** One signed-out session (by its token's hash), or every session of a user. */
export type SessionEndedNotice = { sessionHash: string } | { userId: string };

/**
 * Announces the end of sessions. Inside a transaction the notice leaves at commit (and not at
 * all on rollback); outside one it leaves at once.
 */
export async function announceSessionsEnded(db: DbOrTx, notice: SessionEndedNotice): Promise<void> {
  await db.execute(sql`select pg_notify(${sessionEndedChannel}, ${JSON.stringify(notice)})`);
}

export function parseSessionEndedNotice(payload: string): SessionEndedNotice | null {
  try {
    const value = JSON.parse(payload) as { sessionHash?: unknown; userId?: unknown };
    if (typeof value.sessionHash === 'string') return { sessionHash: value.sessionHash };
    if (typeof value.userId === 'string') return { userId: value.userId };
    return null;
  } catch {
    return null;
  }
}

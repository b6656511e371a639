import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

/** The PostgreSQL channel on which ended sign-ins are announced, so every instance closes their streams. */
export const sessionEndedChannel = 'guichet_session_ended';

/**
 * The channel on which the database itself (triggers of the session_change_notices migration) says that
 * a session was deleted or an account changed in what a session carries (role, company, active,
 * language, name…), whichever code or tool made the change: cached sessions are dropped on it.
 */
export const sessionChangedChannel = 'guichet_session_changed';

/** One signed-out session (by its token's hash), or every session of a user. */
export type SessionEndedNotice = { sessionHash: string } | { userId: string };

type LocalListener = (notice: SessionEndedNotice) => void;
const localListeners = new Set<LocalListener>();

/**
 * Hears the ends announced by this process at once, without waiting for the database to deliver
 * the notice: the next request of the same process then never meets a session it has just ended.
 * Returns the function that stops listening.
 */
export function onSessionsEndedHere(listener: LocalListener): () => void {
  localListeners.add(listener);
  return () => {
    localListeners.delete(listener);
  };
}

/**
 * Announces the end of sessions. Inside a transaction the notice leaves at commit (and not at
 * all on rollback); outside one it leaves at once. This process hears it immediately.
 */
export async function announceSessionsEnded(db: DbOrTx, notice: SessionEndedNotice): Promise<void> {
  for (const listener of localListeners) listener(notice);
  await db.execute(sql`select pg_notify(${sessionEndedChannel}, ${JSON.stringify(notice)})`);
}

/**
 * Says in this process, at once, that an account changed in what its sessions carry (role,
 * language, name…), so its next request here reads it anew; the database's trigger tells the
 * other instances at commit (sessionChangedChannel).
 */
export function announceAccountChangedHere(userId: string): void {
  for (const listener of localListeners) listener({ userId });
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

import type { Db } from '../../db/client';
import { listenToChannels, type StopListening } from '../../db/listen';
import type { Clock } from '../../domain/clock';
import {
  onSessionsEndedHere,
  parseSessionEndedNotice,
  type SessionEndedNotice,
  sessionChangedChannel,
  sessionEndedChannel,
} from './session-ended';
import { findSessionByHash, type SessionInfo } from './sessions';
import { hashToken } from './tokens';

/** How long a session found in the database is served from memory, at most. */
const keptMs = 15_000;
/** Sessions kept at most (the least recently found are forgotten first). */
const maxKept = 20_000;
/** After the database's notices could not be heard, how long before listening is tried again. */
const retryListeningMs = 10_000;

interface Kept {
  info: SessionInfo;
  /** Epoch milliseconds (the clock's) until which the session may be served from memory. */
  until: number;
}

/**
 * The sessions of this process's recent requests, so a request costs no session lookup. A
 * session leaves the memory of every instance as soon as it ends or its account changes: the
 * application announces sign-outs, and the database's triggers announce any deleted session and
 * any change of role, company, activity or name of an account (sessionChangedChannel); this
 * process hears its own announcements at once. Memory is used only while those notices are heard:
 * when the listening connection is lost, every session is looked up again until it is back.
 */
export class SessionCache {
  private readonly kept = new Map<string, Kept>();
  /** Counts what was forgotten: a lookup that overlapped a notice is not kept, it may be stale. */
  private generation = 0;
  private listening = false;
  private stopListening: Promise<StopListening | null> | null = null;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private readonly stopLocal: () => void;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.stopLocal = onSessionsEndedHere((notice) => this.forget(notice));
  }

  /** Starts hearing the database's notices (before the first request, so it is served from memory). */
  async start(): Promise<void> {
    this.listen(this.clock.now().getTime());
    await this.stopListening;
  }

  /** The session of a cookie token, if it is valid and its user still active (as findSession). */
  async find(token: string): Promise<SessionInfo | null> {
    const hash = hashToken(token);
    const now = this.clock.now();
    const kept = this.kept.get(hash);
    if (kept && this.listening && kept.until > now.getTime() && kept.info.expiresAt > now) return kept.info;
    if (kept) this.kept.delete(hash);
    this.listen(now.getTime());
    const generation = this.generation;
    const info = await findSessionByHash(this.db, hash, now);
    if (info && this.listening && generation === this.generation) this.keep(hash, info, now.getTime());
    return info;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    this.stopLocal();
    this.kept.clear();
    const stop = await this.stopListening?.catch(() => null);
    if (stop) await stop();
  }

  private keep(hash: string, info: SessionInfo, nowMs: number): void {
    this.kept.set(hash, { info, until: nowMs + keptMs });
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= maxKept) break;
      this.kept.delete(oldest);
    }
  }

  private forget(notice: SessionEndedNotice | null): void {
    this.generation += 1;
    if (notice === null) {
      this.kept.clear();
    } else if ('sessionHash' in notice) {
      this.kept.delete(notice.sessionHash);
    } else {
      for (const [hash, kept] of this.kept) {
        if (kept.info.actor.userId === notice.userId) this.kept.delete(hash);
      }
    }
  }

  /** Starts listening on first use, and again a while after it failed to start. */
  private listen(nowMs: number): void {
    if (this.closed || this.stopListening || nowMs - this.lastAttempt < retryListeningMs) return;
    this.lastAttempt = nowMs;
    this.stopListening = listenToChannels(
      this.db,
      [sessionEndedChannel, sessionChangedChannel],
      // A notice that cannot be read forgets everything rather than something.
      (_channel, payload) => this.forget(parseSessionEndedNotice(payload)),
      (error) => {
        this.listening = false;
        this.forget(null);
        this.onError(error);
      },
      () => {
        this.forget(null);
        this.listening = !this.closed;
      },
    ).catch((error: unknown) => {
      this.stopListening = null;
      this.onError(error);
      return null;
    });
  }
}

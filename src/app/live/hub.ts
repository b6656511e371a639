import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { listenToChannels, type StopListening } from '../../db/listen';
import { liveEvents, users } from '../../db/schema/index';
import { parseSessionEndedNotice, sessionEndedChannel } from '../auth/session-ended';
import { validSessionHashes } from '../auth/sessions';
import type { Actor, AppContext } from '../context';
import { liveChannel, noticeOf, parseNotice, type TicketChangedNotice } from './channel';

/** A change as a signed-in person receives it on the live stream. */
export interface TicketChangedEvent {
  ticketId: string;
  key: string;
  status: string;
  /** Who made the change (null: the system), so a page can say "modified by …". */
  actorId: string | null;
  actorName: string | null;
  /** The change brought the receiver a notice (their bell's count went up). */
  notice: boolean;
}

export interface LiveSubscriber {
  actor: Actor;
  /** Hash of the session token the stream was opened with: the stream lives no longer than it. */
  sessionHash: string;
  /** `eventId` places the change in the replay window; a reconnecting client hands it back. */
  send(event: TicketChangedEvent, eventId?: number): void;
  /** Ends the stream (the session ended, or the account changed). */
  end(): void;
}

/** How often streams' sessions are checked for expiry (sign-outs and disabled accounts are announced at once). */
const sessionCheckMs = 15_000;

/**
 * How far before the last change a client saw the replay reaches back. Event ids are taken when a
 * change is written, not when it commits, so a change committed late can carry a smaller id than
 * one the client already has; replaying a little more (a client takes a change twice harmlessly)
 * never misses it.
 */
const replayOverlapMs = 10_000;
/** How long changes stay in the replay window (the worker prunes older ones). */
export const liveEventsKeptMs = 15 * 60_000;

/** Whether a person may hear of a change: staff of every one, customers of their company's public ones. */
export function mayHear(actor: Actor, notice: TicketChangedNotice): boolean {
  if (actor.role !== 'customer') return true;
  return actor.companyId !== null && actor.companyId === notice.companyId && !notice.internal;
}

/**
 * Fans the database's change notices out to the open streams of this instance. The database
 * listener starts with the first subscriber and stops when the server closes. A stream ends
 * when its session does: a sign-out or a disabled account is announced on the session channel
 * and ends the streams at once, on every instance; expiry is caught by a periodic check.
 */
export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();
  private stopListening: Promise<StopListening> | null = null;
  private readonly names = new Map<string, string>();
  private closed = false;
  private sessionCheck: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  /**
   * Adds a subscriber once the database listener is ready; returns the unsubscribe function.
   * With `lastEventId` (a reconnecting stream's Last-Event-ID) the changes it missed are sent first.
   */
  async subscribe(subscriber: LiveSubscriber, lastEventId?: number): Promise<() => void> {
    if (this.closed) throw new Error('live hub closed');
    this.stopListening ??= listenToChannels(
      this.ctx.db,
      [liveChannel, sessionEndedChannel],
      (channel, payload) => {
        if (channel === sessionEndedChannel) this.endSessions(payload);
        else void this.dispatch(payload);
      },
      this.onError,
    );
    await this.stopListening;
    this.subscribers.add(subscriber);
    if (lastEventId !== undefined) await this.replay(subscriber, lastEventId);
    if (!this.sessionCheck) {
      this.sessionCheck = setInterval(() => void this.endExpiredSessions(), sessionCheckMs);
      this.sessionCheck.unref();
    }
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  /** The newest change in the replay window (0 when it is empty): where a new stream starts. */
  async position(): Promise<number> {
    const [row] = await this.ctx.db
      .select({ id: sql<number | string>`coalesce(max(${liveEvents.id}), 0)` })
      .from(liveEvents);
    return Number(row?.id ?? 0);
  }

  /** Ends the streams whose session has expired or whose account was disabled. */
  async endExpiredSessions(): Promise<void> {
    if (this.subscribers.size === 0) return;
    try {
      const hashes = [...new Set([...this.subscribers].map((s) => s.sessionHash))];
      const valid = await validSessionHashes(this.ctx.db, hashes, this.ctx.clock.now());
      for (const subscriber of [...this.subscribers]) {
        if (!valid.has(subscriber.sessionHash)) this.end(subscriber);
      }
    } catch (error) {
      this.onError(error);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.sessionCheck) clearInterval(this.sessionCheck);
    this.sessionCheck = null;
    this.subscribers.clear();
    const stop = this.stopListening;
    this.stopListening = null;
    if (stop) await (await stop)();
  }

  private endSessions(payload: string): void {
    const notice = parseSessionEndedNotice(payload);
    if (!notice) return;
    for (const subscriber of [...this.subscribers]) {
      const ended =
        'sessionHash' in notice
          ? subscriber.sessionHash === notice.sessionHash
          : subscriber.actor.userId === notice.userId;
      if (ended) this.end(subscriber);
    }
  }

  private end(subscriber: LiveSubscriber): void {
    this.subscribers.delete(subscriber);
    try {
      subscriber.end();
    } catch (error) {
      this.onError(error);
    }
  }

  private async dispatch(payload: string): Promise<void> {
    const notice = parseNotice(payload);
    if (!notice || this.subscribers.size === 0) return;
    try {
      const event = await this.eventOf(notice);
      const recipients = new Set(notice.recipients);
      for (const subscriber of this.subscribers) {
        if (!mayHear(subscriber.actor, notice)) continue;
        subscriber.send({ ...event, notice: recipients.has(subscriber.actor.userId) }, notice.eventId);
      }
    } catch (error) {
      this.onError(error);
    }
  }

  /** Sends a reconnecting subscriber the kept changes from shortly before the last one it saw. */
  private async replay(subscriber: LiveSubscriber, lastEventId: number): Promise<void> {
    try {
      const [seen] = await this.ctx.db
        .select({ at: liveEvents.createdAt })
        .from(liveEvents)
        .where(eq(liveEvents.id, lastEventId));
      const since = seen
        ? new Date(seen.at.getTime() - replayOverlapMs)
        : new Date(this.ctx.clock.now().getTime() - liveEventsKeptMs);
      const rows = await this.ctx.db
        .select({ id: liveEvents.id, notice: liveEvents.notice })
        .from(liveEvents)
        .where(and(gte(liveEvents.createdAt, since), sql`${liveEvents.id} <> ${lastEventId}`))
        .orderBy(asc(liveEvents.id));
      for (const row of rows) {
        const notice = noticeOf(row.notice);
        if (!notice || !mayHear(subscriber.actor, notice)) continue;
        const bell = new Set(notice.recipients).has(subscriber.actor.userId);
        subscriber.send({ ...(await this.eventOf(notice)), notice: bell }, row.id);
      }
    } catch (error) {
      this.onError(error);
    }
  }

  private async eventOf(notice: TicketChangedNotice): Promise<Omit<TicketChangedEvent, 'notice'>> {
    return {
      ticketId: notice.ticketId,
      key: notice.key,
      status: notice.status,
      actorId: notice.actorId,
      actorName: notice.actorId ? await this.nameOf(notice.actorId) : null,
    };
  }

  private async nameOf(userId: string): Promise<string | null> {
    const known = this.names.get(userId);
    if (known !== undefined) return known;
    const [row] = await this.ctx.db.select({ name: users.name }).from(users).where(eq(users.id, userId));
    if (!row) return null;
    if (this.names.size > 1000) this.names.clear();
    this.names.set(userId, row.name);
    return row.name;
  }
}

/** Forgets the changes older than the replay window (a worker task). */
export async function pruneLiveEvents(db: Db, now: Date): Promise<void> {
  await db.delete(liveEvents).where(lt(liveEvents.createdAt, new Date(now.getTime() - liveEventsKeptMs)));
}

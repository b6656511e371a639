import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import { parseSessionEndedNotice, sessionEndedChannel } from '../auth/session-ended';
import { validSessionHashes } from '../auth/sessions';
import type { Actor, AppContext } from '../context';
import { liveChannel, parseNotice, type TicketChangedNotice } from './channel';
import { listenToChannels, type StopListening } from './listener';

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
  send(event: TicketChangedEvent): void;
  /** Ends the stream (the session ended, or the account changed). */
  end(): void;
}

/** How often streams' sessions are checked for expiry (sign-outs and disabled accounts are announced at once). */
const sessionCheckMs = 15_000;

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

  /** Adds a subscriber once the database listener is ready; returns the unsubscribe function. */
  async subscribe(subscriber: LiveSubscriber): Promise<() => void> {
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
    if (!this.sessionCheck) {
      this.sessionCheck = setInterval(() => void this.endExpiredSessions(), sessionCheckMs);
      this.sessionCheck.unref();
    }
    return () => {
      this.subscribers.delete(subscriber);
    };
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
      const event: Omit<TicketChangedEvent, 'notice'> = {
        ticketId: notice.ticketId,
        key: notice.key,
        status: notice.status,
        actorId: notice.actorId,
        actorName: notice.actorId ? await this.nameOf(notice.actorId) : null,
      };
      const recipients = new Set(notice.recipients);
      for (const subscriber of this.subscribers) {
        if (!mayHear(subscriber.actor, notice)) continue;
        subscriber.send({ ...event, notice: recipients.has(subscriber.actor.userId) });
      }
    } catch (error) {
      this.onError(error);
    }
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

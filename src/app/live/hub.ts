import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { parseNotice, type TicketChangedNotice } from './channel';
import { listenToTicketChanges, type StopListening } from './listener';

/** A change as a signed-in person receives it on the live stream. */
export interface TicketChangedEvent {
  ticketId: string;
  key: string;
  status: string;
  /** Who made the change (null: the system), so a page can say "modified by …". */
  actorId: string | null;
  actorName: string | null;
}

export interface LiveSubscriber {
  actor: Actor;
  send(event: TicketChangedEvent): void;
}

/** Whether a person may hear of a change: staff of every one, customers of their company's public ones. */
export function mayHear(actor: Actor, notice: TicketChangedNotice): boolean {
  if (actor.role !== 'customer') return true;
  return actor.companyId !== null && actor.companyId === notice.companyId && !notice.internal;
}

/**
 * Fans the database's change notices out to the open streams of this instance. The database
 * listener starts with the first subscriber and stops when the server closes.
 */
export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();
  private stopListening: Promise<StopListening> | null = null;
  private readonly names = new Map<string, string>();
  private closed = false;

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
    this.stopListening ??= listenToTicketChanges(
      this.ctx.db,
      (payload) => void this.dispatch(payload),
      this.onError,
    );
    await this.stopListening;
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
    const stop = this.stopListening;
    this.stopListening = null;
    if (stop) await (await stop)();
  }

  private async dispatch(payload: string): Promise<void> {
    const notice = parseNotice(payload);
    if (!notice || this.subscribers.size === 0) return;
    try {
      const event: TicketChangedEvent = {
        ticketId: notice.ticketId,
        key: notice.key,
        status: notice.status,
        actorId: notice.actorId,
        actorName: notice.actorId ? await this.nameOf(notice.actorId) : null,
      };
      for (const subscriber of this.subscribers) {
        if (mayHear(subscriber.actor, notice)) subscriber.send(event);
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

import type { Language } from '../../i18n/language';

export type RefusalCode = 'rate_limited_user' | 'rate_limited_company';

export interface Refusal {
  code: RefusalCode;
  retryAfterSeconds: number;
  language: Language;
}

interface Owner {
  /** The counter keys of the session's person and, for a customer, of their company. */
  keys: { key: string; code: RefusalCode }[];
  language: Language;
}

/**
 * The cheap half of the API rate limits, in this process. Once the shared counters have said that
 * a person or a company is over its limit, that person's or company's further requests are refused
 * from memory until the window ends: before their session is looked up, before their body is read,
 * without a database round trip. A burst then costs the server almost nothing beyond its first
 * `max` requests, so it cannot take the capacity other companies need.
 *
 * Sessions are known by their cookie once one of their requests has been counted; a session never
 * seen here goes through the session lookup and the shared counters as usual. Being refused here
 * is never a way in: the only answer it gives is 429.
 */
export class RateLimitGate {
  private readonly owners = new Map<string, Owner>();
  private readonly refusedUntil = new Map<string, number>();

  constructor(private readonly maxSessions = 20_000) {}

  /** Notes whose session this token is, after the session lookup found it. */
  remember(token: string, owner: Owner): void {
    this.owners.delete(token);
    this.owners.set(token, owner);
    // The oldest sessions are forgotten first (a Map keeps insertion order).
    for (const oldest of this.owners.keys()) {
      if (this.owners.size <= this.maxSessions) break;
      this.owners.delete(oldest);
    }
  }

  /** The shared counters said this key is over its limit until `untilMs`. */
  refuse(key: string, untilMs: number): void {
    this.refusedUntil.set(key, Math.max(untilMs, this.refusedUntil.get(key) ?? 0));
  }

  /** A refusal for this session token at `nowMs`, when its person or company is known to be over. */
  check(token: string | undefined, nowMs: number): Refusal | null {
    if (!token) return null;
    const owner = this.owners.get(token);
    if (!owner) return null;
    for (const { key, code } of owner.keys) {
      const until = this.refusedUntil.get(key);
      if (until === undefined) continue;
      if (until <= nowMs) {
        this.refusedUntil.delete(key);
        continue;
      }
      return { code, retryAfterSeconds: Math.ceil((until - nowMs) / 1000), language: owner.language };
    }
    return null;
  }
}

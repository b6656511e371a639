/** One request as the load saw it: when it started and ended, and how it ended. */
export interface Outcome {
  method: string;
  path: string;
  startedAt: number;
  endedAt: number;
  /** The HTTP status, or 0 when the connection broke with no answer. */
  status: number;
  error?: string;
}

/**
 * A browser-like caller over fetch: keeps cookies, echoes the anti-forgery cookie as the web
 * client does, and records every request's outcome instead of throwing.
 */
export class RecordingClient {
  private readonly cookies = new Map<string, string>();
  constructor(
    private readonly base: string,
    private readonly outcomes: Outcome[],
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (method !== 'GET') headers['x-csrf-token'] = this.cookies.get('guichet_csrf') ?? '';
    if (body !== undefined) headers['content-type'] = 'application/json';
    const outcome: Outcome = { method, path, startedAt: Date.now(), endedAt: 0, status: 0 };
    this.outcomes.push(outcome);
    try {
      const response = await fetch(`${this.base}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        const eq = pair.indexOf('=');
        if (eq > 0) {
          const value = pair.slice(eq + 1);
          if (value === '') this.cookies.delete(pair.slice(0, eq));
          else this.cookies.set(pair.slice(0, eq), value);
        }
      }
      const text = await response.text();
      outcome.status = response.status;
      outcome.endedAt = Date.now();
      let json: unknown = null;
      try {
        json = text ? (JSON.parse(text) as unknown) : null;
      } catch {
        json = text;
      }
      return { status: response.status, json };
    } catch (error) {
      outcome.endedAt = Date.now();
      outcome.error =
        error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
      return { status: 0, json: null };
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Signs in (before the load: a failure here is a broken set-up, so it throws). */
  async login(email: string, password: string): Promise<void> {
    await this.call('GET', '/api/session');
    const answer = await this.call('POST', '/api/session', { email, password });
    if (answer.status !== 200) throw new Error(`sign-in of ${email}: ${answer.status}`);
  }
}

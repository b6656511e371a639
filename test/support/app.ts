import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../../src/app/context';
import { composeContext } from '../../src/composition';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/client';
import { type ManualClock, manualClock } from '../../src/domain/clock';
import { buildApp } from '../../src/http/app';
import { testDatabase } from './db';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  clock: ManualClock;
  close(): Promise<void>;
}

/** The real app over a fresh database, with a manual clock, no web client and no worker. */
export async function testApp(
  options: {
    now?: string;
    env?: Record<string, string>;
    log?: { write(line: string): void };
    publicUrl?: string;
    /** A built web client to serve; none by default. */
    webDist?: string;
  } = {},
): Promise<TestApp> {
  const database = await testDatabase();
  const clock = manualClock(options.now ?? '2026-03-02T09:00:00Z');
  const config = {
    // The clock is frozen, so a rate-limit window never ends: features are tested without the API
    // rate limits in the way; rate-limits.test.ts sets its own.
    ...loadConfig({
      SEED_DEMO: 'false',
      RATE_LIMIT_USER_PER_WINDOW: '1000000',
      RATE_LIMIT_COMPANY_PER_WINDOW: '1000000',
      ...options.env,
    }),
    secret: 'test-secret-'.padEnd(40, 'x'),
  };
  const ctx = composeContext({
    db: database.db,
    clock,
    config,
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
  });
  const logger = options.log ? { level: 'info', stream: options.log } : false;
  const app = await buildApp({ ctx, webDist: options.webDist ?? '/nonexistent', logger });
  await app.ready();
  return {
    app,
    ctx,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * A browser-like caller: keeps cookies and echoes the anti-forgery token, as the web client does.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  /** Set by `withToken`: the client then calls as a program, with no cookies and no CSRF header. */
  private bearer: string | null = null;
  constructor(
    private readonly app: FastifyInstance,
    readonly ip = '10.0.0.1',
  ) {}

  /** Calls from now on with `Authorization: Bearer <token>` only, as an integration would. */
  withToken(token: string): this {
    this.bearer = token;
    this.cookies.clear();
    return this;
  }

  async request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    if (this.bearer !== null) {
      const headers = {
        ...(options.headers as Record<string, string>),
        authorization: `Bearer ${this.bearer}`,
      };
      return this.app.inject({ ...options, remoteAddress: this.ip, headers });
    }
    if (!this.cookies.has('guichet_csrf')) await this.send({ method: 'GET', url: '/api/session' });
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (options.csrf !== false) headers['x-csrf-token'] = this.cookies.get('guichet_csrf') ?? '';
    return this.send({ ...options, headers });
  }

  get = (url: string, headers?: Record<string, string>) => this.request({ method: 'GET', url, headers });
  post = (url: string, payload?: unknown) =>
    this.request({ method: 'POST', url, payload: payload as object });
  put = (url: string, payload?: unknown) => this.request({ method: 'PUT', url, payload: payload as object });
  patch = (url: string, payload?: unknown) =>
    this.request({ method: 'PATCH', url, payload: payload as object });
  delete = (url: string) => this.request({ method: 'DELETE', url });

  async login(email: string, password = testPassword): Promise<LightMyRequestResponse> {
    const response = await this.post('/api/session', { email, password });
    if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.body}`);
    return response;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private async send(options: InjectOptions): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({
      ...options,
      remoteAddress: this.ip,
      headers: { ...(options.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const c of response.cookies) {
      // clearCookie expires at the epoch; other expiries follow the app's (manual) clock, not ours.
      if (c.value === '' || (c.expires && c.expires.getTime() < 86_400_000)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }
}

export const testPassword = 'correct horse battery staple';

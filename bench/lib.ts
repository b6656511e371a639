import { performance } from 'node:perf_hooks';

/** The benchmark database: a dedicated one, never the application's or the tests'. */
export const benchDatabaseUrl =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/guichet_bench';

/**
 * The benchmarks' PGlite data directory (`--pglite`): a DATA_DIR as the server takes it, the
 * database itself in its `pglite` folder.
 */
export const benchDataDir = process.env.BENCH_DATA_DIR ?? 'data/bench';

/** The password of the two accounts the benchmarks sign in with. */
export const benchPassword = 'bench password, not a secret';
export const benchAgentEmail = 'agent.bench@guichet.test';
export const benchCustomerEmail = 'client.bench@guichet.test';

/** `--name value` and `--name=value` from the command line, as a number when asked. */
export function numberArg(name: string, fallback: number): number {
  const raw = stringArg(name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number, got ${raw}`);
  return value;
}

export function stringArg(name: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === `--${name}`) return args[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

/** Refuses anything but a loopback database: benchmarks write a lot and must stay local. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error(`the benchmark database must be on a loopback address, not ${host}`);
  }
}

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of durations in milliseconds. */
export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.at(-1) ?? 0,
    mean: sorted.length ? sum / sorted.length : 0,
  };
}

export const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

/** Prints rows as an aligned text table. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/**
 * Runs `total` calls of `task` with at most `concurrency` in flight, stopping early once
 * `maxSeconds` have passed. Returns the duration of each call in milliseconds.
 */
export async function runBounded(
  total: number,
  concurrency: number,
  maxSeconds: number,
  task: (index: number) => Promise<void>,
): Promise<{ durations: number[]; errors: number; elapsedMs: number; firstError: unknown }> {
  const durations: number[] = [];
  let errors = 0;
  let firstError: unknown = null;
  let next = 0;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  const lane = async () => {
    while (next < total && performance.now() < deadline) {
      const index = next;
      next += 1;
      const t0 = performance.now();
      try {
        await task(index);
        durations.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, total)) }, lane));
  return { durations, errors, elapsedMs: performance.now() - started, firstError };
}

/**
 * A browser-like HTTP client over fetch: keeps cookies and echoes the anti-forgery cookie in the
 * x-csrf-token header, as the web client does.
 */
export class HttpClient {
  private readonly cookies = new Map<string, string>();
  /**
   * `headers` go with every request (a simulated person's own address behind the proxy);
   * `timeoutMs` bounds each request, which then fails as a timeout.
   */
  constructor(
    private readonly base: string,
    private readonly options: { headers?: Record<string, string>; timeoutMs?: number } = {},
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; json: unknown }> {
    if (method !== 'GET' && !this.cookies.has('guichet_csrf')) await this.request('GET', '/api/session');
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.options.headers,
      ...extraHeaders,
    };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') headers['x-csrf-token'] = this.cookies.get('guichet_csrf') ?? '';
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(this.options.timeoutMs ? { signal: AbortSignal.timeout(this.options.timeoutMs) } : {}),
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
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
  }

  /** Like request, but throws unless the status is the expected one. */
  async expect(
    status: number,
    method: string,
    path: string,
    body?: unknown,
    extraHeaders?: Record<string, string>,
  ): Promise<unknown> {
    const response = await this.request(method, path, body, extraHeaders);
    if (response.status !== status) {
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.json).slice(0, 300)}`);
    }
    return response.json;
  }

  /** The Cookie header this client sends (for a client in another thread acting as the same person). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async login(email: string, password: string): Promise<void> {
    await this.request('GET', '/api/session');
    await this.expect(200, 'POST', '/api/session', { email, password });
  }
}

export interface StatementProfile {
  /** Total time and count per SQL text, measured at the driver (includes waits on locks). */
  statements: Map<string, { totalMs: number; count: number }>;
  print(top?: number): void;
}

/**
 * Times every query the pg driver sends, per SQL text. For finding what dominates a use case;
 * it adds a little overhead, so rates measured with it on are not the reported ones.
 */
export async function profileStatements(): Promise<StatementProfile> {
  const pg = (await import('pg')).default;
  const statements = new Map<string, { totalMs: number; count: number }>();
  // The driver's query has many overloads; the wrapper passes every argument through unchanged.
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '?');
    const t0 = performance.now();
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      void (result as Promise<unknown>).then(
        () => {
          const entry = statements.get(text) ?? { totalMs: 0, count: 0 };
          entry.totalMs += performance.now() - t0;
          entry.count += 1;
          statements.set(text, entry);
        },
        () => undefined,
      );
    }
    return result;
  };
  return {
    statements,
    print(top = 25) {
      const sorted = [...statements].sort((a, b) => b[1].totalMs - a[1].totalMs).slice(0, top);
      const total = [...statements.values()].reduce((s, e) => s + e.totalMs, 0);
      console.log(`\nSQL statements by total time (${ms(total)} ms in all):`);
      for (const [text, entry] of sorted) {
        console.log(
          `${ms(entry.totalMs).padStart(9)} ms  ${String(entry.count).padStart(6)}×  ${ms(entry.totalMs / entry.count).padStart(6)} ms  ${text.replace(/\s+/g, ' ').slice(0, 150)}`,
        );
      }
    },
  };
}

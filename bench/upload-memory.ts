/**
 * `npm run bench -- uploads [--uploads 10] [--mb 100]`: the server's memory while large files
 * arrive. Starts Guichet in a process of its own (on BENCH_UPLOADS_DATABASE_URL, default
 * guichet_bench_uploads next to the benchmark database, recreated at each run; a fresh data
 * folder), signs in as the demo customer, opens one ticket per upload, then sends `--uploads`
 * uploads of `--mb` MB each at the same time, streamed by the client (chunked, never whole in the
 * client's memory either). It samples the server's resident memory (VmRSS) every 50 ms and prints
 * the baseline, the peak, their difference and its ratio to the budget (+64 MB).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { assertLoopback, benchDatabaseUrl, HttpClient, numberArg, printTable } from './lib';
import { compiledProgram } from './server-process';

const uploads = numberArg('uploads', 10);
const sizeMb = numberArg('mb', 100);
const budgetMb = 64;
const MB = 1024 * 1024;
const url =
  process.env.BENCH_UPLOADS_DATABASE_URL ??
  (() => {
    const u = new URL(benchDatabaseUrl);
    u.pathname = '/guichet_bench_uploads';
    return u.toString();
  })();
assertLoopback(url);
const root = fileURLToPath(new URL('..', import.meta.url));

async function recreateDatabase(): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Resident memory of a process, in bytes (Linux). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** One multipart upload of `bytes` of text, generated and sent chunk by chunk. */
function streamUpload(base: string, client: HttpClient, ticketId: string, bytes: number): Promise<number> {
  const boundary = `----bench${ticketId.replaceAll('-', '')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="journal-${ticketId.slice(0, 8)}.log"\r\n` +
      'Content-Type: text/plain\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  // Lines that differ per upload, so the store keeps ten files, not one.
  const line = Buffer.from(`${ticketId} ${'journal de diagnostic '.repeat(3)}\n`);
  const chunk = Buffer.alloc(256 * 1024, line);
  const cookie = client.cookieHeader();
  const csrf = /guichet_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/tickets/${ticketId}/attachments`, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + bytes + tail.length),
        'x-csrf-token': csrf,
        cookie,
      },
    });
    req.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    req.on('error', reject);
    req.write(head);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += part.length;
        if (!req.write(part)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end(tail);
    };
    pump();
  });
}

await recreateDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'guichet-bench-uploads-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, await compiledProgram('main'), {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'true',
    WORKER: 'false',
    INBOUND_SMTP_PORT: '0',
    LOG_LEVEL: 'warn',
    // This run's files are larger than the defaults allow; the quota (2 GB by default) holds them.
    MAX_UPLOAD_MB: String(sizeMb + 10),
    MAX_TICKET_UPLOAD_MB: String(sizeMb + 20),
    RATE_LIMIT_USER_PER_WINDOW: '100000',
    RATE_LIMIT_COMPANY_PER_WINDOW: '100000',
  },
});
const pid = server.pid as number;
try {
  await waitForHealth(base, server);
  const client = new HttpClient(base);
  await client.login('client@acme.demo', 'guichet-demo');
  const types = (await client.expect(200, 'GET', '/api/request-types')) as {
    items: { id: string; code: string }[];
  };
  const tickets: string[] = [];
  for (let i = 0; i < uploads; i += 1) {
    const created = (await client.expect(201, 'POST', '/api/tickets', {
      desk: 'support',
      requestTypeId: types.items.find((t) => t.code === 'assistance')?.id,
      criticality: 'basse',
      subject: `Journal volumineux ${i + 1}`,
      description: 'Le journal complet est joint.',
    })) as { ticket: { id: string } };
    tickets.push(created.ticket.id);
  }
  // Warm: one small upload first, so the baseline includes the upload code paths.
  await streamUpload(base, client, tickets[0] as string, 64 * 1024);
  const settle = Date.now() + 2000;
  let baseline = 0;
  while (Date.now() < settle) {
    baseline = Math.max(baseline, rssOf(pid));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 50);
  const started = Date.now();
  const statuses = await Promise.all(tickets.map((id) => streamUpload(base, client, id, sizeMb * MB)));
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rssOf(pid));

  const delta = peak - baseline;
  const mb = (bytes: number) => (bytes / MB).toFixed(1);
  console.log(
    `${uploads} parallel uploads of ${sizeMb} MB (${statuses.filter((s) => s === 201).length} stored, ` +
      `statuses ${[...new Set(statuses)].join(', ')}) in ${seconds.toFixed(1)} s; server RSS:`,
  );
  printTable(
    ['baseline (MB)', 'peak (MB)', 'delta (MB)', 'budget (MB)', 'delta / budget'],
    [[mb(baseline), mb(peak), mb(delta), String(budgetMb), (delta / (budgetMb * MB)).toFixed(2)]],
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}

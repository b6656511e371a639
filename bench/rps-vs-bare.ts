/**
 * Requests per second of reading one ticket through the whole server, against a bare Fastify route
 * answering the same JSON body, measured one after the other with autocannon.
 *
 *   npm run bench -- rps [--connections 8] [--seconds 10] [--data-dir <dir>]
 *
 * The server runs in a process of its own as in production (bench/server-process.ts), the bare
 * route too (bench/bare-server.ts), and autocannon in a third, so the three do not share a thread.
 * The ticket is the newest of the seeded customer's company, read by that customer's session.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCustomerEmail, benchDatabaseUrl, benchPassword, HttpClient, numberArg, stringArg } from './lib';
import { startServerProcess } from './server-process';

const target = 0.4;

async function main() {
  const connections = Math.max(1, Math.floor(numberArg('connections', 8)));
  const seconds = Math.max(1, numberArg('seconds', 10));
  const dataDir = stringArg('data-dir');
  const server = await startServerProcess({
    ...(dataDir ? { DATA_DIR: dataDir } : { DATABASE_URL: benchDatabaseUrl }),
    RATE_LIMIT_USER_PER_WINDOW: '100000000',
    RATE_LIMIT_COMPANY_PER_WINDOW: '100000000',
  });
  let bare: ReturnType<typeof spawn> | null = null;
  try {
    const customer = new HttpClient(server.base);
    await customer.login(benchCustomerEmail, benchPassword);
    const list = (await customer.expect(200, 'GET', '/api/tickets?limit=1')) as { items: { id: string }[] };
    const id = list.items[0]?.id;
    if (!id) throw new Error("the customer's company has no tickets: seed first");
    const path = `/api/tickets/${id}`;
    const response = await fetch(`${server.base}${path}`, { headers: { cookie: customer.cookieHeader() } });
    const text = await response.text();
    const bodyFile = join(tmpdir(), `guichet-bare-${process.pid}.json`);
    await writeFile(bodyFile, text);

    bare = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts', bodyFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const barePort = await new Promise<number>((resolve, reject) => {
      bare?.stdout?.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      bare?.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
    });

    const full = await autocannon(`${server.base}${path}`, connections, seconds, customer.cookieHeader());
    const bareRun = await autocannon(`http://127.0.0.1:${barePort}/bare`, connections, seconds, null);
    const ratio = full.rps / Math.max(1, bareRun.rps);
    console.log(`\nbody: ${text.length} bytes of JSON; ${connections} connections, ${seconds} s each`);
    console.log(
      `GET a ticket, full stack: ${full.rps.toFixed(0)} req/s (p99 ${full.p99} ms, non-2xx ${full.non2xx})`,
    );
    console.log(`bare Fastify route:       ${bareRun.rps.toFixed(0)} req/s (p99 ${bareRun.p99} ms)`);
    console.log(
      `ratio ${(ratio * 100).toFixed(1)} % (target ≥ ${target * 100} %, ratio to target ${(ratio / target).toFixed(2)})`,
    );
    console.log(`server RSS after the run: ${(await server.rssMiB()).toFixed(0)} MiB`);
  } finally {
    bare?.kill('SIGTERM');
    await server.stop();
  }
}

/** One autocannon run (its own process), with its warm-up of 2 s, as requests per second. */
function autocannon(url: string, connections: number, seconds: number, cookie: string | null) {
  const args = ['-c', String(connections), '-d', String(seconds), '-W', '[', '-c', '2', '-d', '2', ']', '-j'];
  if (cookie) args.push('-H', `cookie=${cookie}`);
  return new Promise<{ rps: number; p99: number; non2xx: number }>((resolve, reject) => {
    const child = spawn('node_modules/.bin/autocannon', [...args, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      try {
        // With a warm-up, autocannon prints one JSON document per run: the last is the measured one.
        const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
          requests: { average: number };
          latency: { p99: number };
          non2xx: number;
        };
        resolve({ rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx });
      } catch (error) {
        reject(error);
      }
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client';
import { rows } from './app';

/** CPU milliseconds spent so far by this Node process and by the database's backends. */
export interface CpuSample {
  nodeMs: number;
  /** CPU milliseconds of each backend of the benchmark database (PostgreSQL on this machine; /proc). */
  backendMs: Map<number, number>;
}

const ticksPerSecond = 100; // USER_HZ on Linux

/**
 * The CPU of the application at this instant: `process.cpuUsage()` of this process (server and
 * client, which share it) and user + system time of every backend connected to the benchmark
 * database, from `/proc/<pid>/stat` (the database must run on this machine).
 */
export async function cpuNow(database: Database): Promise<CpuSample> {
  const usage = process.cpuUsage();
  const backends = await rows<{ pid: number }>(
    database,
    sql`select pid from pg_stat_activity where datname = current_database()`,
  );
  return { nodeMs: (usage.user + usage.system) / 1000, backendMs: await backendsCpu(backends) };
}

/**
 * The CPU of a server running in another process: user + system time of that process and of the
 * backends its connections opened (found by their application_name). `database` is null when the
 * server embeds its database (PGlite): the process then holds all of it.
 */
export async function serverCpuNow(
  server: { pid: number; applicationName: string },
  database: Pick<Database, 'db'> | null,
): Promise<CpuSample> {
  const backends = database
    ? await rows<{ pid: number }>(
        database,
        sql`select pid from pg_stat_activity where application_name = ${server.applicationName}`,
      )
    : [];
  return { nodeMs: await processCpuMs(server.pid), backendMs: await backendsCpu(backends) };
}

async function backendsCpu(backends: { pid: number }[]): Promise<Map<number, number>> {
  const backendMs = new Map<number, number>();
  for (const { pid } of backends) backendMs.set(pid, await processCpuMs(pid));
  return backendMs;
}

/** User + system CPU milliseconds of a process of this machine, from /proc (0 once it has gone). */
async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  return (ticks / ticksPerSecond) * 1000;
}

/**
 * CPU milliseconds per operation between two samples. A backend that started in between counts
 * from zero; one that ended in between is lost (the pools keep their connections while busy).
 */
export function cpuPer(before: CpuSample, after: CpuSample, operations: number) {
  const n = Math.max(1, operations);
  let database = 0;
  for (const [pid, ms] of after.backendMs) database += ms - (before.backendMs.get(pid) ?? 0);
  return { node: (after.nodeMs - before.nodeMs) / n, database: database / n };
}

/**
 * The HTTP clients of the creation benchmark, in a process of their own: the benchmark's process
 * is then the server alone, and its `process.cpuUsage()` is the server's CPU, not the clients'.
 *
 * Started by bench/create-throughput.ts with one JSON argument (see `ClientRun`); prints one JSON
 * line with the duration of each creation and the ids of the tickets created.
 */
import { creationInput } from './create-input';
import { runBounded } from './lib';

export interface ClientRun {
  base: string;
  cookie: string;
  csrf: string;
  requestTypeId: string;
  /** Index of the first creation (subjects stay distinct across runs). */
  first: number;
  count: number;
  concurrency: number;
  maxSeconds: number;
}

export interface ClientResult {
  durations: number[];
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  ids: string[];
}

async function main() {
  const run = JSON.parse(process.argv[2] ?? '{}') as ClientRun;
  const ids: string[] = [];
  const headers = {
    accept: 'application/json',
    'content-type': 'application/json',
    cookie: run.cookie,
    'x-csrf-token': run.csrf,
  };
  const result = await runBounded(run.count, run.concurrency, run.maxSeconds, async (i) => {
    const response = await fetch(`${run.base}/api/tickets`, {
      method: 'POST',
      headers,
      body: JSON.stringify(creationInput(run.requestTypeId, run.first + i)),
    });
    const text = await response.text();
    if (response.status !== 201)
      throw new Error(`POST /api/tickets: ${response.status} ${text.slice(0, 300)}`);
    ids.push((JSON.parse(text) as { ticket: { id: string } }).ticket.id);
  });
  const answer: ClientResult = {
    durations: result.durations,
    errors: result.errors,
    firstError: result.firstError ? String(result.firstError) : null,
    elapsedMs: result.elapsedMs,
    ids,
  };
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

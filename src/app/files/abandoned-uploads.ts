import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../context';

/**
 * How long the chunks of an upload may stand without their file before the upload counts as
 * abandoned. A live upload writes a chunk every few milliseconds and its file row right after the
 * last one; an hour without either is a process that stopped half-way (a crash, a SIGKILL).
 */
export const ABANDONED_UPLOAD_AFTER_MS = 60 * 60 * 1000;

/** How often the worker looks for abandoned uploads. */
export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Removes the chunks of uploads of the PostgreSQL file store that never became a file: no
 * `stored_files` row points at them and none of their chunks is younger than `olderThanMs`. The
 * chunks' age is read against the database's own clock, the one that wrote `created_at`. Returns
 * the number of uploads removed.
 */
export async function sweepAbandonedUploads(
  db: DbOrTx,
  olderThanMs = ABANDONED_UPLOAD_AFTER_MS,
): Promise<number> {
  const result = await db.execute(sql`
    with abandoned as (
      select c.upload_id
      from stored_file_chunks c
      where not exists (select 1 from stored_files f where f.upload_id = c.upload_id)
      group by c.upload_id
      having max(c.created_at) < now() - ${olderThanMs} * interval '1 millisecond'
    ), removed as (
      delete from stored_file_chunks c using abandoned a
      where c.upload_id = a.upload_id
      returning c.upload_id
    )
    select count(distinct upload_id)::int as uploads from removed`);
  const [row] = (result as unknown as { rows: { uploads: number }[] }).rows;
  return row?.uploads ?? 0;
}

let lastSwept: number | null = null;

/** The worker's task: once an hour by the injected clock, on any instance (the delete is idempotent). */
export async function sweepAbandonedUploadsHourly(ctx: AppContext): Promise<boolean> {
  const now = ctx.clock.now().getTime();
  if (lastSwept !== null && now - lastSwept < SWEEP_INTERVAL_MS) return false;
  lastSwept = now;
  await sweepAbandonedUploads(ctx.db);
  return true;
}

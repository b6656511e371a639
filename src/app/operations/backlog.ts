import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { migrationsApplied } from '../../db/migration-state';

/** What waits on the worker, and since when: mail to send and timers that fell due. */
export interface WorkBacklog {
  pendingMails: number;
  /** Age of the oldest mail still to send, in seconds (0 when none waits). */
  oldestPendingMailSeconds: number;
  /** Timers whose instant has passed and that no worker has processed yet. */
  dueTimers: number;
  /** How late the most overdue of them is, in seconds (0 when none is due). */
  timerLagSeconds: number;
}

/** Inbound mails received so far, by what became of them. */
export type InboundTally = Record<string, number>;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export async function workBacklog(db: DbOrTx, now: Date): Promise<WorkBacklog> {
  const at = now.toISOString();
  const [mail] = rowsOf<{ pending: number; oldest: string | null }>(
    await db.execute(sql`
      select count(*)::int as pending, min(created_at) as oldest
      from outbox where status = 'pending'`),
  );
  const [timers] = rowsOf<{ due: number; earliest: string | null }>(
    await db.execute(sql`
      select count(*)::int as due, min(due_at) as earliest
      from ticket_timers where state = 'pending' and due_at <= ${at}::timestamptz`),
  );
  const secondsSince = (instant: string | null | undefined) =>
    instant ? Math.max(0, (now.getTime() - new Date(instant).getTime()) / 1000) : 0;
  return {
    pendingMails: Number(mail?.pending ?? 0),
    oldestPendingMailSeconds: secondsSince(mail?.oldest),
    dueTimers: Number(timers?.due ?? 0),
    timerLagSeconds: secondsSince(timers?.earliest),
  };
}

export async function inboundTally(db: DbOrTx): Promise<InboundTally> {
  const rows = rowsOf<{ outcome: string; total: number }>(
    await db.execute(sql`select outcome, count(*)::int as total from inbound_mails group by outcome`),
  );
  return Object.fromEntries(rows.map((row) => [row.outcome, Number(row.total)]));
}

/** What /readyz reports beyond the database answering. */
export interface Readiness {
  migrationsPending: number;
  /** How late the worker is on due timers and mail, in whole seconds. */
  workerLagSeconds: number;
}

export async function readiness(db: DbOrTx, now: Date): Promise<Readiness> {
  const [migrations, backlog] = await Promise.all([migrationsApplied(db), workBacklog(db, now)]);
  return {
    migrationsPending: Math.max(0, migrations.shipped - migrations.applied),
    workerLagSeconds: Math.round(Math.max(backlog.timerLagSeconds, backlog.oldestPendingMailSeconds)),
  };
}

import { and, asc, eq, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../app/context';
import { recordMailOutcome } from '../app/tickets/record-mail-outcome';
import { outbox } from '../db/schema/index';
import { mailHeaders, senderDomain } from './headers';
import { type OutboxRow, PermanentMailError, renderOutboxMail } from './render';
import { isPermanentSmtpError, type MailTransport, transportFor } from './transport';

export interface DispatchOptions {
  /** Rows claimed per batch; a pass claims batches until none is due or `maxBatches` is reached. */
  batchSize?: number;
  maxBatches?: number;
  /** How long a claimed row stays with its worker before another may take it (crash recovery). */
  leaseMs?: number;
  /** How often a working dispatcher renews the lease of the rows it still holds (default lease/3). */
  heartbeatMs?: number;
  transport?: MailTransport;
  /**
   * Aborted when the worker is told to stop: the mail being sent is finished, and the rows claimed
   * but not yet started are handed back at once, so another worker sends them without waiting for
   * the lease to run out.
   */
  signal?: AbortSignal;
}

export interface DispatchReport {
  sent: number;
  retried: number;
  failed: number;
  dropped: number;
}

/**
 * A claimed mail belongs to its worker for this long. Short, so that after a crash the next worker
 * (the restarted process, or another instance on its next pass) sends it within half a minute; a
 * live worker renews it by heartbeat while it is still sending, so a slow server is not mistaken
 * for a dead worker and no mail goes out twice.
 */
export const outboxLeaseMs = 20_000;

/** Delay before attempt n+1 after n failed attempts: base, 2·base, 4·base … */
export function retryDelayMs(attempts: number, baseSeconds: number): number {
  return baseSeconds * 1000 * 2 ** Math.max(0, attempts - 1);
}

/**
 * Sends the due outbox rows. Each batch is claimed in one short statement (FOR UPDATE SKIP LOCKED,
 * so several workers share the work): it counts the attempt, gives the row its Message-ID and moves
 * its due time ahead as a lease. The mail is then rendered and sent outside any transaction, and the
 * row marked sent, retried later with exponential backoff, failed after the last attempt, or dropped
 * when it no longer applies.
 */
export async function dispatchOutbox(
  ctx: AppContext,
  options: DispatchOptions = {},
): Promise<DispatchReport> {
  const batchSize = options.batchSize ?? 20;
  const maxBatches = options.maxBatches ?? 10;
  const transport = options.transport ?? transportFor(ctx.config);
  const report: DispatchReport = { sent: 0, retried: 0, failed: 0, dropped: 0 };
  const leaseMs = options.leaseMs ?? outboxLeaseMs;
  const stopping = () => options.signal?.aborted === true;
  for (let batch = 0; batch < maxBatches && !stopping(); batch += 1) {
    const rows = await claimDue(ctx, batchSize, leaseMs);
    const held = new Map(rows.map((row) => [row.id, row.attempts]));
    const heartbeat = keepLeased(ctx, held, leaseMs, options.heartbeatMs ?? leaseMs / 3);
    try {
      for (const row of rows) {
        if (stopping()) break;
        const outcome = await dispatchOne(ctx, transport, row);
        held.delete(row.id);
        report[outcome] += 1;
      }
      if (held.size > 0) await releaseLeases(ctx, held);
    } finally {
      heartbeat.stop();
    }
    if (rows.length < batchSize) break;
  }
  return report;
}

/** Hands claimed rows that were never tried back to any worker: due now, the attempt not counted. */
async function releaseLeases(ctx: AppContext, held: Map<number, number>): Promise<void> {
  await ctx.db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} - 1`, nextAttemptAt: ctx.clock.now() })
    .where(
      and(
        eq(outbox.status, 'pending'),
        or(...[...held].map(([id, attempts]) => and(eq(outbox.id, id), eq(outbox.attempts, attempts)))),
      ),
    );
}

/**
 * Renews, every `everyMs`, the lease of the rows this worker still holds (same attempt number, still
 * pending). It only ever pushes the due time later, so a retry planned further ahead is kept.
 */
function keepLeased(ctx: AppContext, held: Map<number, number>, leaseMs: number, everyMs: number) {
  let running = false;
  const renew = async () => {
    if (running || held.size === 0) return;
    running = true;
    try {
      const until = new Date(ctx.clock.now().getTime() + leaseMs);
      await ctx.db
        .update(outbox)
        .set({ nextAttemptAt: sql`greatest(${outbox.nextAttemptAt}, ${until})` })
        .where(
          and(
            eq(outbox.status, 'pending'),
            or(...[...held].map(([id, attempts]) => and(eq(outbox.id, id), eq(outbox.attempts, attempts)))),
          ),
        );
    } catch {
      // The database is away: the lease may lapse, and the claim check keeps the send single.
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void renew(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function claimDue(ctx: AppContext, batchSize: number, leaseMs: number): Promise<OutboxRow[]> {
  const now = ctx.clock.now();
  const domain = senderDomain(ctx.config);
  const due = ctx.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  return ctx.db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + leaseMs),
      // Made once and kept across retries, so a receiving server can recognise a resent mail.
      messageId: sql`coalesce(${outbox.messageId}, '<outbox-' || ${outbox.id} || '.' || substr(md5(random()::text), 1, 12) || '@' || ${domain}::text || '>')`,
    })
    .where(inArray(outbox.id, due))
    .returning();
}

type Outcome = keyof DispatchReport;

async function dispatchOne(ctx: AppContext, transport: MailTransport, row: OutboxRow): Promise<Outcome> {
  const claimed = and(eq(outbox.id, row.id), eq(outbox.attempts, row.attempts), eq(outbox.status, 'pending'));
  try {
    const outcome = await renderOutboxMail(ctx, ctx.db, row);
    if (outcome.kind === 'drop') {
      await settle(ctx, row, claimed, { status: 'dropped', lastError: outcome.reason });
      return 'dropped';
    }
    const { template, rendered, ticket } = outcome;
    const thread = mailHeaders(ctx.config, template, ticket?.id ?? row.ticketId, row.id);
    const mail = {
      outboxId: row.id,
      from: ctx.config.MAIL_FROM,
      to: row.recipient,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: row.messageId ?? `<outbox-${row.id}@${senderDomain(ctx.config)}>`,
      ...thread,
    };
    const markSent = { status: 'sent' as const, sentAt: ctx.clock.now(), lastError: null };
    if (transport.transactional) {
      await ctx.db.transaction(async (tx) => {
        const updated = await tx.update(outbox).set(markSent).where(claimed).returning({ id: outbox.id });
        // Another worker took the row after our lease ran out: it delivers, we do not.
        if (updated.length === 0) return;
        await transport.deliver(tx, mail, ctx.clock.now());
        await recordMailOutcome(tx, outcomeOf(row, 'sent', null, markSent.sentAt));
      });
    } else {
      await transport.deliver(ctx.db, mail, ctx.clock.now());
      await settle(ctx, row, claimed, markSent);
    }
    return 'sent';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const permanent = error instanceof PermanentMailError || isPermanentSmtpError(error);
    if (permanent || row.attempts >= ctx.config.MAIL_MAX_ATTEMPTS) {
      await settle(ctx, row, claimed, { status: 'failed', lastError: message });
      return 'failed';
    }
    const retryAt = new Date(
      ctx.clock.now().getTime() + retryDelayMs(row.attempts, ctx.config.MAIL_RETRY_BASE_SECONDS),
    );
    await ctx.db.update(outbox).set({ nextAttemptAt: retryAt, lastError: message }).where(claimed);
    return 'retried';
  }
}

/**
 * Gives a claimed row its final state and, in the same transaction, what the ticket's history says
 * of it (a reminder sent, or a mail the history announced that will not leave).
 */
async function settle(
  ctx: AppContext,
  row: OutboxRow,
  claimed: SQL | undefined,
  change: { status: 'sent' | 'dropped' | 'failed'; lastError: string | null; sentAt?: Date },
) {
  await ctx.db.transaction(async (tx) => {
    const updated = await tx.update(outbox).set(change).where(claimed).returning({ id: outbox.id });
    if (updated.length === 0) return;
    await recordMailOutcome(
      tx,
      outcomeOf(row, change.status, change.lastError, change.sentAt ?? ctx.clock.now()),
    );
  });
}

function outcomeOf(row: OutboxRow, status: 'sent' | 'dropped' | 'failed', reason: string | null, at: Date) {
  return {
    outboxId: row.id,
    ticketId: row.ticketId,
    template: row.template,
    params: row.params,
    status,
    reason,
    at,
  };
}

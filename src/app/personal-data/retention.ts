import { and, asc, eq, inArray, isNull, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  attachments,
  inboundMails,
  liveEvents,
  notifications,
  outbox,
  satisfactionSurveys,
  storedMails,
  ticketEvents,
  ticketMessages,
  tickets,
  ticketTimers,
  timeEntries,
} from '../../db/schema/index';
import {
  DEFAULT_RETENTION,
  type RetentionSettings,
  retainedValues,
  retentionCutoff,
} from '../../domain/personal-data/retention';
import type { Actor, AppContext } from '../context';
import { fileStoreOf } from '../files/store';
import { authorize, policy } from '../policy';
import { readSetting, writeSetting } from '../settings';
import { recordAdminChange } from '../sla/admin-audit';

const SETTING = 'retention';
/** What a removed text becomes in a ticket emptied by retention. */
export const RETAINED_NO_MORE = '[—]';
const BATCH = 50;

export async function readRetentionSettings(ctx: AppContext, actor: Actor): Promise<RetentionSettings> {
  authorize(policy.administer(actor));
  return retentionSettingsOf(ctx.db);
}

export async function saveRetentionSettings(
  ctx: AppContext,
  actor: Actor,
  input: RetentionSettings,
): Promise<RetentionSettings> {
  authorize(policy.administer(actor));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await retentionSettingsOf(tx);
    await writeSetting(tx, SETTING, input, now, actor.userId);
    await recordAdminChange(tx, {
      actorId: actor.userId,
      action: 'retention.updated',
      before,
      after: input,
      at: now,
    });
    return input;
  });
}

async function retentionSettingsOf(db: DbOrTx): Promise<RetentionSettings> {
  return { ...DEFAULT_RETENTION, ...(await readSetting<RetentionSettings>(db, SETTING)) };
}

/**
 * The worker's retention task: tickets whose last change is older than the retention period are
 * closed (reason `retention`, no mail) and emptied: subject, description, messages, mails and event
 * texts replaced, files removed, so no personal data of the ticket outlives the period. Each batch
 * claims its tickets (FOR UPDATE SKIP LOCKED) and marks them `anonymised_at` in the same
 * transaction, so the task is idempotent and two workers never empty a ticket twice. Returns the
 * number of tickets emptied.
 */
export async function applyTicketRetention(ctx: AppContext): Promise<number> {
  const { ticketYears } = await retentionSettingsOf(ctx.db);
  if (ticketYears === null) return 0;
  const now = ctx.clock.now();
  const cutoff = retentionCutoff(now, ticketYears);
  let total = 0;
  for (;;) {
    const { count, keys } = await ctx.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(isNull(tickets.anonymisedAt), lt(tickets.updatedAt, cutoff)))
        .orderBy(asc(tickets.updatedAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      const ids = due.map((row) => row.id);
      if (ids.length === 0) return { count: 0, keys: [] as string[] };
      return { count: ids.length, keys: await emptyTickets(tx, ids, now, ticketYears) };
    });
    const store = fileStoreOf(ctx);
    for (const key of keys) await store.remove(key);
    total += count;
    if (count < BATCH) return total;
  }
}

/** Closes and empties the tickets; returns the file keys no attachment uses any more. */
async function emptyTickets(tx: DbOrTx, ids: string[], now: Date, years: number): Promise<string[]> {
  await tx
    .update(tickets)
    .set({ status: 'closed', closeReason: 'retention', closedAt: now })
    .where(and(inArray(tickets.id, ids), ne(tickets.status, 'closed')));
  await tx
    .update(tickets)
    .set({
      subject: RETAINED_NO_MORE,
      description: RETAINED_NO_MORE,
      anonymisedAt: now,
      module: null,
      societe: null,
    })
    .where(inArray(tickets.id, ids));
  await tx
    .update(ticketTimers)
    .set({ state: 'cancelled', doneAt: now })
    .where(and(inArray(ticketTimers.ticketId, ids), eq(ticketTimers.state, 'pending')));
  await tx
    .update(ticketMessages)
    .set({ body: RETAINED_NO_MORE, format: 'plain' })
    .where(inArray(ticketMessages.ticketId, ids));
  await tx
    .update(timeEntries)
    .set({ note: '' })
    .where(and(inArray(timeEntries.ticketId, ids), isNull(timeEntries.billedAt)));
  await tx
    .update(satisfactionSurveys)
    .set({ comment: null })
    .where(inArray(satisfactionSurveys.ticketId, ids));
  await tx.update(notifications).set({ data: {} }).where(inArray(notifications.ticketId, ids));
  await tx.delete(liveEvents).where(inArray(liveEvents.ticketId, ids));
  await tx
    .update(inboundMails)
    .set({
      raw: Buffer.from(''),
      subject: RETAINED_NO_MORE,
      bodyText: RETAINED_NO_MORE,
      fromName: null,
      attachmentNames: [],
      details: {},
    })
    .where(inArray(inboundMails.ticketId, ids));
  const ticketKeys = [...ids];
  const mails = tx.select({ id: outbox.id }).from(outbox).where(inArray(outbox.ticketId, ticketKeys));
  await tx.delete(storedMails).where(inArray(storedMails.outboxId, mails));
  await tx.delete(outbox).where(inArray(outbox.ticketId, ticketKeys));
  // Event payloads keep ids, numbers, dates and coded values (statuses, kinds), never free text.
  const events = await tx
    .select({
      id: ticketEvents.id,
      before: ticketEvents.before,
      after: ticketEvents.after,
      data: ticketEvents.data,
    })
    .from(ticketEvents)
    .where(inArray(ticketEvents.ticketId, ids));
  for (const event of events) {
    await tx
      .update(ticketEvents)
      .set({
        before: event.before && retainedValues(event.before),
        after: event.after && retainedValues(event.after),
        data: retainedValues(event.data),
      })
      .where(eq(ticketEvents.id, event.id));
  }
  const removed = await tx
    .delete(attachments)
    .where(inArray(attachments.ticketId, ids))
    .returning({ sha256: attachments.sha256 });
  for (const id of ids) {
    await tx.insert(ticketEvents).values({
      ticketId: id,
      at: now,
      actorId: null,
      kind: 'retention_applied',
      visibility: 'public',
      data: { years },
    });
  }
  const keys = [...new Set(removed.map((row) => row.sha256))];
  if (keys.length === 0) return [];
  const used = await tx
    .selectDistinct({ sha256: attachments.sha256 })
    .from(attachments)
    .where(inArray(attachments.sha256, keys));
  const still = new Set(used.map((row) => row.sha256));
  return keys.filter((key) => !still.has(key));
}

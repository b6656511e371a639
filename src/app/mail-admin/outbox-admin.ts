import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { outbox } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'dropped';

/** Outgoing mails by state, newest first, with their attempts and last error. */
export async function listOutbox(
  ctx: AppContext,
  actor: Actor,
  input: { status?: OutboxStatus; cursor?: number; limit?: number },
) {
  authorize(policy.administer(actor));
  const limit = input.limit ?? 50;
  const filters: SQL[] = [];
  if (input.status) filters.push(eq(outbox.status, input.status));
  if (input.cursor) filters.push(lt(outbox.id, input.cursor));
  const rows = await ctx.db
    .select()
    .from(outbox)
    .where(and(...filters))
    .orderBy(desc(outbox.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? String(last.id) : null };
}

/** Puts a failed (or dropped) mail back in the queue with a fresh series of attempts. */
export async function retryOutboxMail(ctx: AppContext, actor: Actor, id: number) {
  authorize(policy.administer(actor));
  const [row] = await ctx.db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: ctx.clock.now() })
    .where(and(eq(outbox.id, id), inArray(outbox.status, ['failed', 'dropped'])))
    .returning();
  if (row) return row;
  const [exists] = await ctx.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.id, id)).limit(1);
  throw new AppError(exists ? 'mail_not_retryable' : 'not_found');
}

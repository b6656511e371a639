import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { storedMails } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';

/** The mail store, newest first: what the portal would have sent without an SMTP server. */
export async function listStoredMails(
  ctx: AppContext,
  actor: Actor,
  input: { recipient?: string; cursor?: number; limit?: number },
) {
  authorize(policy.administer(actor));
  const limit = input.limit ?? 50;
  const filters: SQL[] = [];
  if (input.recipient) filters.push(eq(storedMails.recipient, input.recipient.trim()));
  if (input.cursor) filters.push(lt(storedMails.id, input.cursor));
  const rows = await ctx.db
    .select({
      id: storedMails.id,
      messageId: storedMails.messageId,
      recipient: storedMails.recipient,
      subject: storedMails.subject,
      storedAt: storedMails.storedAt,
    })
    .from(storedMails)
    .where(and(...filters))
    .orderBy(desc(storedMails.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? String(last.id) : null };
}

export async function getStoredMail(ctx: AppContext, actor: Actor, id: number) {
  authorize(policy.administer(actor));
  const [row] = await ctx.db.select().from(storedMails).where(eq(storedMails.id, id)).limit(1);
  if (!row) throw new AppError('not_found');
  return row;
}

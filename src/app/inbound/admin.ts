import { and, desc, eq, lt } from 'drizzle-orm';
import { inboundMails, tickets } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { deliverToTicket } from './deliver';
import { findSender } from './route';
import type { InboundOutcome } from './types';

export type InboundMailRow = typeof inboundMails.$inferSelect;

/** Received mails for admins, newest first, optionally of one outcome (e.g. the quarantine). */
export async function listInboundMails(
  ctx: AppContext,
  actor: Actor,
  input: { outcome?: InboundOutcome; before?: Date; limit?: number },
): Promise<InboundMailRow[]> {
  authorize(policy.administer(actor));
  return ctx.db
    .select()
    .from(inboundMails)
    .where(
      and(
        input.outcome ? eq(inboundMails.outcome, input.outcome) : undefined,
        input.before ? lt(inboundMails.receivedAt, input.before) : undefined,
      ),
    )
    .orderBy(desc(inboundMails.receivedAt), desc(inboundMails.id))
    .limit(input.limit ?? 50);
}

export async function getInboundMail(ctx: AppContext, actor: Actor, id: string): Promise<InboundMailRow> {
  authorize(policy.administer(actor));
  const [row] = await ctx.db.select().from(inboundMails).where(eq(inboundMails.id, id)).limit(1);
  if (!row) throw new AppError('not_found');
  return row;
}

export async function discardInboundMail(ctx: AppContext, actor: Actor, id: string): Promise<InboundMailRow> {
  authorize(policy.administer(actor));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(inboundMails).where(eq(inboundMails.id, id)).for('update');
    if (!row) throw new AppError('not_found');
    if (row.outcome !== 'quarantined') throw new AppError('inbound_already_decided');
    const [updated] = await tx
      .update(inboundMails)
      .set({ outcome: 'discarded', decidedBy: actor.userId, decidedAt: now })
      .where(eq(inboundMails.id, id))
      .returning();
    if (!updated) throw new AppError('not_found');
    return updated;
  });
}

/**
 * An admin posts a quarantined mail to the ticket they choose: as its sender when the sender is a
 * user of that ticket's company, otherwise as the system with the sender's address.
 */
export async function releaseInboundMail(
  ctx: AppContext,
  actor: Actor,
  input: { id: string; ticketId: string },
  attachmentsOf: (raw: Buffer) => Promise<{ fileName: string; bytes: Buffer }[]>,
): Promise<InboundMailRow> {
  authorize(policy.administer(actor));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(inboundMails).where(eq(inboundMails.id, input.id)).for('update');
    if (!row) throw new AppError('not_found');
    if (row.outcome !== 'quarantined') throw new AppError('inbound_already_decided');
    const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, input.ticketId)).for('update');
    if (!ticket) throw new AppError('not_found');
    const sender = await findSender(tx, row.fromAddress);
    const files = await attachmentsOf(row.raw);
    const delivery = await deliverToTicket(tx, ctx, {
      ticket,
      sender,
      mail: {
        fromAddress: row.fromAddress,
        bodyText: row.bodyText,
        bodyFormat: row.bodyFormat,
        attachments: files,
      },
      now,
    });
    const [updated] = await tx
      .update(inboundMails)
      .set({
        outcome: delivery.outcome,
        route: 'admin',
        ticketId: ticket.id,
        postedMessageId: delivery.postedMessageId,
        autoAnswered: delivery.autoAnswered,
        details: { ...row.details, ...delivery.details, previousReason: row.reason },
        decidedBy: actor.userId,
        decidedAt: now,
      })
      .where(eq(inboundMails.id, row.id))
      .returning();
    if (!updated) throw new AppError('not_found');
    return updated;
  });
}

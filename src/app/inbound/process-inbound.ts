import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { inboundMails, requestTypes } from '../../db/schema/index';
import type { AppContext } from '../context';
import { AppError } from '../errors/index';
import { createTicket } from '../tickets/create-ticket';
import { type Delivery, deliverToTicket, senderActor, withinTx } from './deliver';
import { findSender, routeMail, type SenderUser } from './route';
import { inboundSettings } from './settings';
import type { InboundContent, InboundResult } from './types';

type Decision = Omit<Delivery, 'ticketId'> & {
  ticketId: string | null;
  route: string | null;
  senderUserId: string | null;
};

/**
 * Processes one received mail, once (R11). Recording the mail and its effects are one transaction:
 * the unique dedupe key makes a second delivery of the same mail a no-op, and a failure leaves
 * nothing behind, so the mail can be offered again.
 */
export async function processInbound(ctx: AppContext, content: InboundContent): Promise<InboundResult> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inboundMails)
      .values({
        dedupeKey: content.dedupeKey,
        messageId: content.messageId,
        via: content.via,
        fromAddress: content.fromAddress?.toLowerCase() ?? null,
        fromName: content.fromName,
        recipients: content.recipients,
        subject: content.subject,
        bodyText: content.bodyText,
        bodyFormat: content.bodyFormat,
        attachmentNames: content.attachments.map((a) => a.fileName),
        raw: content.raw,
        size: content.raw.length,
        sha256: content.sha256,
        outcome: 'quarantined',
        reason: 'processing',
        receivedAt: now,
      })
      .onConflictDoNothing({ target: inboundMails.dedupeKey })
      .returning({ id: inboundMails.id });
    if (!row) {
      const [existing] = await tx
        .update(inboundMails)
        .set({ deliveries: sql`${inboundMails.deliveries} + 1` })
        .where(eq(inboundMails.dedupeKey, content.dedupeKey))
        .returning({ id: inboundMails.id, ticketId: inboundMails.ticketId });
      if (!existing) throw new Error('duplicate inbound mail vanished');
      return { id: existing.id, outcome: 'ignored_duplicate', reason: null, ticketId: existing.ticketId };
    }
    const decision = await decide(tx, ctx, content, now);
    await tx
      .update(inboundMails)
      .set({
        outcome: decision.outcome,
        reason: decision.reason,
        route: decision.route,
        ticketId: decision.ticketId,
        postedMessageId: decision.postedMessageId,
        senderUserId: decision.senderUserId,
        autoAnswered: decision.autoAnswered,
        details: decision.details,
      })
      .where(eq(inboundMails.id, row.id));
    return { id: row.id, outcome: decision.outcome, reason: decision.reason, ticketId: decision.ticketId };
  });
}

async function decide(tx: Tx, ctx: AppContext, content: InboundContent, now: Date): Promise<Decision> {
  const nothing = { ticketId: null, postedMessageId: null, autoAnswered: 0, details: {}, route: null };
  if (content.automatic) {
    // An automatic mail is never posted and never answered: two robots cannot loop through us.
    return { ...nothing, outcome: 'ignored_auto', reason: content.automatic, senderUserId: null };
  }
  const sender = await findSender(tx, content.fromAddress);
  const senderUserId = sender?.id ?? null;
  const route = await routeMail(tx, content, sender);
  if (route.kind === 'unauthenticated') {
    return {
      ...nothing,
      outcome: 'quarantined',
      reason: 'sender_not_authenticated',
      details: { routedTicketId: route.ticket.id, via: 'key' },
      senderUserId,
    };
  }
  if (route.kind === 'none') {
    const settings = await inboundSettings(tx);
    // A From address is easy to forge: only an authenticated customer's mail opens a ticket.
    if (
      settings.autoCreate &&
      sender?.role === 'customer' &&
      sender.companyId &&
      content.senderAuthenticated
    ) {
      return { ...(await createFromMail(tx, ctx, content, sender)), senderUserId };
    }
    return {
      ...nothing,
      outcome: 'quarantined',
      reason: sender ? 'no_ticket' : 'unknown_sender',
      senderUserId,
    };
  }
  if (!route.allowed) {
    return {
      ...nothing,
      outcome: 'quarantined',
      reason: 'sender_not_allowed',
      details: { routedTicketId: route.ticket.id, via: route.via },
      senderUserId,
    };
  }
  const delivery = await deliverToTicket(tx, ctx, { ticket: route.ticket, sender, mail: content, now });
  return { ...delivery, route: route.via, senderUserId };
}

/**
 * With the admin setting 'inbound.autoCreate', a known customer's mail without a ticket reference
 * opens a support ticket of type Assistance, criticality 'moyenne', status open: staff confirm both
 * when they qualify it (R5).
 */
async function createFromMail(
  tx: Tx,
  ctx: AppContext,
  content: InboundContent,
  sender: SenderUser,
): Promise<Omit<Decision, 'senderUserId'>> {
  const [assistance] = await tx
    .select({ id: requestTypes.id })
    .from(requestTypes)
    .where(eq(requestTypes.code, 'assistance'))
    .limit(1);
  const subject = content.subject.replace(/^\s*((re|aw|tr|wg|fwd?|fw)\s*:\s*)+/i, '').trim() || '—';
  try {
    const ticket = await tx.transaction((sp) =>
      createTicket(withinTx(ctx, sp), senderActor(sender), {
        desk: 'support',
        ...(assistance ? { requestTypeId: assistance.id } : {}),
        criticality: 'moyenne',
        subject: subject.slice(0, 200),
        description: content.bodyText.trim() || '—',
        descriptionFormat: content.bodyFormat,
      }),
    );
    return {
      outcome: 'created_ticket',
      reason: null,
      route: 'created',
      ticketId: ticket.id,
      postedMessageId: null,
      autoAnswered: 0,
      details: {},
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      outcome: 'quarantined',
      reason: error.code,
      route: null,
      ticketId: null,
      postedMessageId: null,
      autoAnswered: 0,
      details: {},
    };
  }
}

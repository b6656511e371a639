import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { inboundMails, ticketMessages, users } from '../../db/schema/index';
import type { MessageFormat } from '../../domain/tickets/index';
import { type Actor, type AppContext, actorOf } from '../context';
import { AppError } from '../errors/index';
import { attachFiles } from '../files/attach-files';
import { incomingFromBytes } from '../files/incoming';
import { queueMail } from '../outbox';
import { addMessage } from '../tickets/add-message';
import { applyStatusChange } from '../tickets/apply-status-change';
import { recordEvent, type TicketRow } from '../tickets/record-event';
import type { SenderUser } from './route';
import { AUTO_ANSWERS_PER_SENDER_PER_HOUR, type InboundContent, type InboundOutcome } from './types';

export interface Delivery {
  outcome: InboundOutcome;
  reason: string | null;
  ticketId: string;
  postedMessageId: string | null;
  autoAnswered: number;
  details: Record<string, unknown>;
}

type Mail = Pick<InboundContent, 'fromAddress' | 'bodyText' | 'bodyFormat' | 'attachments'>;

/** A sender acts as their account, answered at the address they want notifications at. */
export const senderActor = (user: SenderUser): Actor =>
  actorOf({ ...user, email: user.notificationEmail ?? user.email });

/** The application functions open their own transactions; inside ours they become savepoints. */
export const withinTx = (ctx: AppContext, tx: Tx): AppContext => ({ ...ctx, db: tx as unknown as Db });

/**
 * Puts a customer's mail on its ticket: a public message (source 'mail') through the tickets
 * area, so waiting_customer → in_progress and the reminders are cancelled by its hooks; on a closed
 * ticket (R10) the reply is kept as refused, staff hear nothing and the sender gets one automatic
 * answer, at most a few per sender per hour.
 */
export async function deliverToTicket(
  tx: Tx,
  ctx: AppContext,
  input: { ticket: TicketRow; sender: SenderUser | null; mail: Mail; now: Date },
): Promise<Delivery> {
  const { ticket, mail, now } = input;
  const author =
    input.sender && input.sender.role === 'customer' && input.sender.companyId === ticket.companyId
      ? input.sender
      : null;
  const { body, format } = messageBody(mail);
  const base = { ticketId: ticket.id, reason: null, autoAnswered: 0, details: {} };

  if (author) {
    // Decided before the tickets area queues the answer, with the same instant stored on the mail.
    const allowed = ticket.status === 'closed' && (await mayAutoAnswer(tx, mail.fromAddress, now));
    try {
      const { message } = await addMessage(withinTx(ctx, tx), senderActor(author), ticket.id, {
        body,
        format,
        visibility: 'public',
        source: 'mail',
        autoAnswer: allowed,
      });
      const details = await attachAll(tx, ctx, ticket, message.id, author.id, mail.attachments);
      return { ...base, outcome: 'posted', postedMessageId: message.id, details };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'ticket_closed') throw error;
      return { ...base, outcome: 'refused_closed', postedMessageId: null, autoAnswered: allowed ? 1 : 0 };
    }
  }
  return deliverFromAddress(tx, ctx, { ...input, body, format });
}

/** A sender allowed by the company's mail domain but without an account: the system posts for them. */
async function deliverFromAddress(
  tx: Tx,
  ctx: AppContext,
  input: { ticket: TicketRow; mail: Mail; now: Date; body: string; format: MessageFormat },
): Promise<Delivery> {
  const { mail, now } = input;
  let { ticket } = input;
  const from = mail.fromAddress ?? '';
  const closed = ticket.status === 'closed';
  const [message] = await tx
    .insert(ticketMessages)
    .values({
      ticketId: ticket.id,
      authorId: null,
      body: closed ? input.body : `${from}:\n\n${input.body}`,
      format: input.format,
      visibility: closed ? 'internal' : 'public',
      source: 'mail',
      refused: closed,
      createdAt: now,
    })
    .returning();
  if (!message) throw new Error('message insert returned nothing');
  if (closed) {
    await recordEvent(tx, {
      ticket,
      actorId: null,
      kind: 'refused_reply',
      visibility: 'internal',
      data: { messageId: message.id, source: 'mail', from },
      now,
      touch: false,
    });
    const allowed = await mayAutoAnswer(tx, from, now);
    if (allowed) {
      await queueMail(
        tx,
        {
          template: 'ticket.closed_auto_answer',
          recipient: from,
          language: 'fr',
          params: { ticketId: ticket.id, newTicketUrl: `${ctx.publicUrl}/tickets/new?linkedTo=${ticket.id}` },
          ticketId: ticket.id,
        },
        now,
      );
    }
    return {
      outcome: 'refused_closed',
      reason: null,
      ticketId: ticket.id,
      postedMessageId: null,
      autoAnswered: allowed ? 1 : 0,
      details: {},
    };
  }
  ({ ticket } = await recordEvent(tx, {
    ticket,
    actorId: null,
    kind: 'message',
    visibility: 'public',
    patch: { lastCustomerActivityAt: now },
    data: { messageId: message.id, source: 'mail', from },
    now,
  }));
  if (ticket.status === 'waiting_customer') {
    // R6 lets a customer's reply do this, not the system: the ticket's customer contact stands in.
    const [contact] = await tx.select().from(users).where(eq(users.id, ticket.createdBy)).limit(1);
    if (contact?.role === 'customer') {
      ({ ticket } = await applyStatusChange(tx, {
        ticket,
        actor: senderActor(contact),
        to: 'in_progress',
        now,
        viaReply: true,
        data: { from },
      }));
    }
  }
  const details = await attachAll(tx, ctx, ticket, message.id, null, mail.attachments);
  return {
    outcome: 'posted',
    reason: null,
    ticketId: ticket.id,
    postedMessageId: message.id,
    autoAnswered: 0,
    details,
  };
}

/**
 * Each file goes through the same checks as an upload (the company's storage quota too); a refused
 * file is noted with its reason, not fatal: the text of the mail still reaches the ticket.
 */
async function attachAll(
  tx: Tx,
  ctx: AppContext,
  ticket: TicketRow,
  messageId: string,
  uploadedBy: string | null,
  files: Mail['attachments'],
): Promise<Record<string, unknown>> {
  const attached: string[] = [];
  const refused: { fileName: string; code: string }[] = [];
  for (const file of files) {
    try {
      await tx.transaction((sp) =>
        attachFiles(sp, ctx, {
          ticketId: ticket.id,
          companyId: ticket.companyId,
          messageId,
          uploadedBy,
          files: [incomingFromBytes(file.fileName, file.bytes)],
        }),
      );
      attached.push(file.fileName);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push({ fileName: file.fileName, code: error.code });
    }
  }
  return { attached, refused };
}

/**
 * At most AUTO_ANSWERS_PER_SENDER_PER_HOUR automatic answers to one address. The sender's mails are
 * decided one at a time (a transaction lock on the address), so parallel deliveries cannot all see
 * a count below the limit.
 */
async function mayAutoAnswer(tx: Tx, address: string | null, now: Date): Promise<boolean> {
  if (!address) return false;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`inbound-auto-answer:${address.toLowerCase()}`}))`,
  );
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(inboundMails)
    .where(
      and(
        eq(inboundMails.fromAddress, address.toLowerCase()),
        gt(inboundMails.autoAnswered, 0),
        gt(inboundMails.receivedAt, hourAgo),
      ),
    );
  return Number(row?.n ?? 0) < AUTO_ANSWERS_PER_SENDER_PER_HOUR;
}

function messageBody(mail: Mail): { body: string; format: MessageFormat } {
  if (mail.bodyText.trim()) return { body: mail.bodyText, format: mail.bodyFormat };
  if (mail.attachments.length > 0)
    return { body: mail.attachments.map((a) => `[${a.fileName}]`).join('\n'), format: 'plain' };
  return { body: '—', format: 'plain' };
}

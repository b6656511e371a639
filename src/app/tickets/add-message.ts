import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { ticketMessages } from '../../db/schema/index';
import { tableRows } from '../../db/table-rows';
import type { MessageFormat } from '../../domain/tickets/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { type AttachmentRow, attachFiles, type IncomingFile } from '../files/attach-files';
import { noticeNewMessage } from '../notifications/message-notices';
import { queueMail } from '../outbox';
import { applyStatusChange } from './apply-status-change';
import { assertWorksDesk } from './guards';
import { withInlinePictures } from './inline-pictures';
import { mailTicketCreator } from './notify';
import { recordEvent, type TicketRow, type Visibility } from './record-event';
import { loadTicketFor } from './scope';

export interface AddMessageInput {
  body: string;
  /** How the body is written; 'plain' (the default) is shown exactly as written. */
  format?: MessageFormat;
  /** 'internal' is a staff note, never shown to customers anywhere. */
  visibility: Visibility;
  source?: 'portal' | 'mail';
  /** Attachments of the message, stored in the same transaction (dropped with a refused reply). */
  files?: IncomingFile[];
  /**
   * On a closed ticket, whether the customer gets the automatic answer (default yes). Inbound mail
   * decides it beforehand, so that a looping sender is limited (R11).
   */
  autoAnswer?: boolean;
}

export type TicketMessage = typeof ticketMessages.$inferSelect;

/**
 * A message on a ticket: a public answer (mailed to the customer), an internal note (staff only),
 * or a customer reply (which brings a ticket waiting on the customer back to in_progress).
 *
 * R10: a reply to a closed ticket is not added to the conversation and notifies no staff; it is
 * kept as a refused message for audit, the customer gets an automatic answer, and the caller gets
 * 409 ticket_closed with a link to open a new ticket linked to this one.
 */
export async function addMessage(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  input: AddMessageInput,
): Promise<{ ticket: TicketRow; message: TicketMessage; attachments: AttachmentRow[] }> {
  const now = ctx.clock.now();
  const source = input.source ?? 'portal';
  const isCustomer = actor.role === 'customer';

  const outcome = await ctx.db.transaction(async (tx) => {
    let ticket = await loadTicketFor(tx, actor, ticketId, { lock: true });
    if (isCustomer && input.visibility === 'internal') throw new AppError('internal_note_staff_only');
    if (!isCustomer && input.visibility === 'public' && ticket.status !== 'closed')
      assertWorksDesk(actor, ticket);

    if (ticket.status === 'closed') {
      const refused = await insertMessage(tx, {
        ticketId: ticket.id,
        authorId: actor.userId,
        body: input.body,
        format: input.format ?? 'plain',
        visibility: 'internal',
        source,
        refused: true,
        createdAt: now,
      });
      await recordEvent(tx, {
        ticket,
        actorId: actor.userId,
        kind: 'refused_reply',
        visibility: 'internal',
        data: { messageId: refused.id, source },
        now,
        touch: false,
      });
      if (isCustomer && input.autoAnswer !== false) {
        await queueMail(
          tx,
          {
            template: 'ticket.closed_auto_answer',
            recipient: actor.email,
            language: actor.language,
            params: { ticketId: ticket.id, newTicketUrl: newTicketUrl(ctx, ticket.id) },
            ticketId: ticket.id,
          },
          now,
        );
      }
      return { refused: true as const, ticket };
    }

    let message: TicketMessage | undefined = await insertMessage(tx, {
      ticketId: ticket.id,
      authorId: actor.userId,
      body: input.body,
      format: input.format ?? 'plain',
      visibility: input.visibility,
      source,
      refused: false,
      createdAt: now,
    });
    const attached = await attachFiles(tx, ctx, {
      ticketId: ticket.id,
      companyId: ticket.companyId,
      messageId: message.id,
      uploadedBy: actor.userId,
      files: input.files ?? [],
    });
    const body = withInlinePictures(message.body, input.files ?? [], attached);
    if (body !== message.body) {
      [message] = await tx
        .update(ticketMessages)
        .set({ body })
        .where(eq(ticketMessages.id, message.id))
        .returning();
      if (!message) throw new Error('message update returned nothing');
    }
    ({ ticket } = await recordEvent(tx, {
      ticket,
      actorId: actor.userId,
      kind: input.visibility === 'internal' ? 'internal_note' : 'message',
      visibility: input.visibility,
      patch: isCustomer ? { lastCustomerActivityAt: now } : {},
      data: {
        messageId: message.id,
        source,
        ...(isCustomer ? {} : { byStaff: true }),
        ...(attached.length
          ? { attachments: attached.map((a) => ({ id: a.id, fileName: a.fileName })) }
          : {}),
      },
      now,
    }));

    if (!isCustomer && input.visibility === 'public') {
      await mailTicketCreator(tx, {
        ticket,
        template: 'ticket.public_answer',
        params: { messageId: message.id },
        actorId: actor.userId,
        now,
      });
    }
    await noticeNewMessage(tx, { ticket, actor, body: input.body, visibility: input.visibility, now });
    if (isCustomer && ticket.status === 'waiting_customer') {
      ({ ticket } = await applyStatusChange(tx, { ticket, actor, to: 'in_progress', now, viaReply: true }));
    }
    return { refused: false as const, ticket, message, attachments: attached };
  });

  if (outcome.refused) {
    throw new AppError(
      'ticket_closed',
      {},
      {
        newTicketUrl: `/tickets/new?linkedTo=${outcome.ticket.id}`,
        linkedTicketId: outcome.ticket.id,
        ticketKey: outcome.ticket.key,
      },
    );
  }
  return { ticket: outcome.ticket, message: outcome.message, attachments: outcome.attachments };
}

const newTicketUrl = (ctx: AppContext, ticketId: string) =>
  `${ctx.publicUrl}/tickets/new?linkedTo=${ticketId}`;

/** Written as SQL text, its row mapped as the builder maps it: it runs on every message. */
async function insertMessage(
  tx: Tx,
  m: Omit<TicketMessage, 'id' | 'authorId'> & { authorId: string | null },
): Promise<TicketMessage> {
  const [message] = tableRows(
    ticketMessages,
    await tx.execute(sql`
      insert into ticket_messages (ticket_id, author_id, body, format, visibility, source, refused, created_at)
      values (${m.ticketId}, ${m.authorId}, ${m.body}, ${m.format}, ${m.visibility}, ${m.source}, ${m.refused},
              ${m.createdAt.toISOString()})
      returning *`),
  );
  if (!message) throw new Error('message insert returned nothing');
  return message;
}

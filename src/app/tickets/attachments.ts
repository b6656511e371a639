import type { Readable } from 'node:stream';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { attachments } from '../../db/schema/attachments';
import { users } from '../../db/schema/core';
import { ticketMessages, tickets } from '../../db/schema/tickets';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { type AttachmentRow, attachFiles, type IncomingFile } from '../files/attach-files';
import { fileStoreOf } from '../files/store';
import { recordEvent } from './record-event';
import { loadTicketFor, seesInternal, visibleTicketsFor } from './scope';

export interface AttachmentView extends AttachmentRow {
  uploader: { id: string; name: string } | null;
}

/**
 * Adds files to a ticket the actor may see, optionally to one of its messages, and records it in
 * the timeline. Customers cannot add to a closed ticket (R10) nor to an internal note.
 */
export async function addAttachments(
  ctx: AppContext,
  actor: Actor,
  input: { ticketId: string; messageId?: string; files: IncomingFile[] },
): Promise<AttachmentRow[]> {
  if (input.files.length === 0) throw new AppError('attachment_missing');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, actor, input.ticketId, { lock: true });
    if (!seesInternal(actor) && ticket.status === 'closed') throw new AppError('ticket_closed');
    const visibility = input.messageId
      ? await messageVisibility(tx, actor, ticket.id, input.messageId)
      : 'public';
    const rows = await attachFiles(tx, ctx, {
      ticketId: ticket.id,
      companyId: ticket.companyId,
      messageId: input.messageId ?? null,
      uploadedBy: actor.userId,
      files: input.files,
    });
    await recordEvent(tx, {
      ticket,
      actorId: actor.userId,
      kind: 'field_changed',
      // Files of an internal note are named in the staff timeline only.
      visibility,
      data: { field: 'attachments', added: rows.map((row) => ({ id: row.id, fileName: row.fileName })) },
      now,
    });
    return rows;
  });
}

/** The attachments of a ticket the actor may see; customers never see those of internal notes. */
export async function listAttachments(
  ctx: AppContext,
  actor: Actor,
  input: { ticketId: string },
): Promise<AttachmentView[]> {
  const ticket = await loadTicketFor(ctx.db, actor, input.ticketId);
  const rows = await ctx.db
    .select({ attachment: attachments, uploaderName: users.name })
    .from(attachments)
    .leftJoin(ticketMessages, eq(ticketMessages.id, attachments.messageId))
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.ticketId, ticket.id), visibleAttachmentsFor(actor)))
    .orderBy(asc(attachments.createdAt), asc(attachments.fileName), asc(attachments.id));
  return rows.map(({ attachment, uploaderName }) => ({
    ...attachment,
    uploader: attachment.uploadedBy ? { id: attachment.uploadedBy, name: uploaderName ?? '' } : null,
  }));
}

/** One attachment and its content as a stream, if the actor may see it; otherwise not_found. */
export async function openAttachment(
  ctx: AppContext,
  actor: Actor,
  input: { attachmentId: string },
): Promise<{ attachment: AttachmentRow; content: Readable }> {
  const [row] = await ctx.db
    .select({ attachment: attachments })
    .from(attachments)
    .innerJoin(tickets, eq(tickets.id, attachments.ticketId))
    .leftJoin(ticketMessages, eq(ticketMessages.id, attachments.messageId))
    .where(
      and(eq(attachments.id, input.attachmentId), visibleTicketsFor(actor), visibleAttachmentsFor(actor)),
    )
    .limit(1);
  if (!row) throw new AppError('not_found');
  return { attachment: row.attachment, content: await fileStoreOf(ctx).open(row.attachment.sha256) };
}

/** Needs `ticket_messages` left-joined on the attachment's message. */
function visibleAttachmentsFor(actor: Actor) {
  if (seesInternal(actor)) return undefined;
  if (!actor.companyId) return sql`false`;
  return and(
    eq(attachments.companyId, actor.companyId),
    or(
      isNull(attachments.messageId),
      and(eq(ticketMessages.visibility, 'public'), eq(ticketMessages.refused, false)),
    ),
  );
}

/** The visibility of a message of the ticket the actor may see; not_found otherwise. */
async function messageVisibility(
  db: DbOrTx,
  actor: Actor,
  ticketId: string,
  messageId: string,
): Promise<'public' | 'internal'> {
  const [message] = await db
    .select({ visibility: ticketMessages.visibility, refused: ticketMessages.refused })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.id, messageId), eq(ticketMessages.ticketId, ticketId)));
  if (!message) throw new AppError('not_found');
  if (!seesInternal(actor) && (message.visibility !== 'public' || message.refused))
    throw new AppError('not_found');
  return message.visibility;
}

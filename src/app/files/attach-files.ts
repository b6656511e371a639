import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { attachments } from '../../db/schema/attachments';
import { ticketMessages, tickets } from '../../db/schema/tickets';
import type { AppContext } from '../context';
import { AppError } from '../errors/index';
import { cleanFileName, detectAllowedType } from './detect';
import { fileStoreOf } from './store';
import { scanBytes } from './virus-scan';

export type AttachmentRow = typeof attachments.$inferSelect;

export interface IncomingFile {
  fileName: string;
  bytes: Buffer;
}

export interface AttachFilesInput {
  ticketId: string;
  companyId: string;
  /** The message the files belong to, a message of this ticket. */
  messageId?: string | null;
  /** Null when the system attaches (e.g. inbound mail of an unknown sender). */
  uploadedBy: string | null;
  files: IncomingFile[];
}

/**
 * Attaches files to a ticket inside the caller's transaction. Every file is checked first — type
 * decided by content, size per file, malware (ClamAV, when CLAMAV_SOCKET is set), total per ticket —
 * and nothing is stored unless all pass.
 * The caller decides who may attach (this function does no authorisation).
 */
export async function attachFiles(
  tx: Tx,
  ctx: AppContext,
  input: AttachFilesInput,
): Promise<AttachmentRow[]> {
  if (input.files.length === 0) return [];
  const maxFileBytes = ctx.config.MAX_UPLOAD_MB * 1024 * 1024;
  const maxTicketBytes = ctx.config.MAX_TICKET_UPLOAD_MB * 1024 * 1024;

  const checked: { fileName: string; bytes: Buffer; contentType: string }[] = [];
  for (const file of input.files) {
    const fileName = cleanFileName(file.fileName);
    if (file.bytes.length > maxFileBytes) {
      throw new AppError('attachment_too_large', { file: fileName, maxMb: ctx.config.MAX_UPLOAD_MB });
    }
    const contentType = await detectAllowedType(fileName, file.bytes);
    if (!contentType) throw new AppError('attachment_type_refused', { file: fileName });
    if (ctx.config.CLAMAV_SOCKET) {
      const scan = await scanBytes(ctx.config.CLAMAV_SOCKET, file.bytes, ctx.clock.now());
      if (scan.status === 'infected') throw new AppError('attachment_infected', { file: fileName });
    }
    checked.push({ fileName, bytes: file.bytes, contentType });
  }

  // The ticket row lock serialises uploads to one ticket, so two cannot both pass the total.
  const [ticket] = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.id, input.ticketId), eq(tickets.companyId, input.companyId)))
    .for('update');
  if (!ticket) throw new AppError('not_found');
  if (input.messageId) await assertMessageOfTicket(tx, input.ticketId, input.messageId);

  const [used] = await tx
    .select({ bytes: sql<number>`coalesce(sum(${attachments.size}), 0)::bigint` })
    .from(attachments)
    .where(eq(attachments.ticketId, input.ticketId));
  let total = Number(used?.bytes ?? 0);
  for (const file of checked) {
    total += file.bytes.length;
    if (total > maxTicketBytes) {
      throw new AppError('ticket_attachments_full', {
        file: file.fileName,
        maxMb: ctx.config.MAX_TICKET_UPLOAD_MB,
      });
    }
  }

  const store = fileStoreOf(ctx);
  const now = ctx.clock.now();
  const rows = [];
  for (const file of checked) {
    const sha256 = await store.put(file.bytes);
    rows.push({
      ticketId: input.ticketId,
      messageId: input.messageId ?? null,
      companyId: input.companyId,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.bytes.length,
      sha256,
      uploadedBy: input.uploadedBy,
      createdAt: now,
    });
  }
  return tx.insert(attachments).values(rows).returning();
}

async function assertMessageOfTicket(tx: Tx, ticketId: string, messageId: string) {
  const [message] = await tx
    .select({ id: ticketMessages.id })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.id, messageId), eq(ticketMessages.ticketId, ticketId)));
  if (!message) throw new AppError('not_found');
}

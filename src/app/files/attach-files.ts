import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { attachments } from '../../db/schema/attachments';
import { ticketMessages, tickets } from '../../db/schema/tickets';
import type { AppContext } from '../context';
import { AppError } from '../errors/index';
import { cleanFileName, detectAllowedType } from './detect';
import type { IncomingFile } from './incoming';
import { assertWithinCompanyQuota } from './storage-quota';
import { fileStoreOf } from './store';
import { scanStream } from './virus-scan';

export type AttachmentRow = typeof attachments.$inferSelect;
export type { IncomingFile };

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
 * decided by content, size per file, malware (ClamAV, when CLAMAV_SOCKET is set), total per ticket,
 * the company's storage quota — and nothing is stored unless all pass. Files are read as streams.
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

  const checked: { fileName: string; file: IncomingFile; contentType: string }[] = [];
  for (const file of input.files) {
    const fileName = cleanFileName(file.fileName);
    if (file.size > maxFileBytes) {
      throw new AppError('attachment_too_large', { file: fileName, maxMb: ctx.config.MAX_UPLOAD_MB });
    }
    const contentType = await detectAllowedType(file);
    if (!contentType) throw new AppError('attachment_type_refused', { file: fileName });
    if (ctx.config.CLAMAV_SOCKET) {
      const scan = await scanStream(ctx.config.CLAMAV_SOCKET, file.open(), ctx.clock.now());
      if (scan.status === 'infected') throw new AppError('attachment_infected', { file: fileName });
    }
    checked.push({ fileName, file, contentType });
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
    total += file.file.size;
    if (total > maxTicketBytes) {
      throw new AppError('ticket_attachments_full', {
        file: file.fileName,
        maxMb: ctx.config.MAX_TICKET_UPLOAD_MB,
      });
    }
  }
  await assertWithinCompanyQuota(
    tx,
    input.companyId,
    checked.map(({ fileName, file }) => ({ fileName, size: file.size })),
  );

  const store = fileStoreOf(ctx);
  const now = ctx.clock.now();
  const rows = [];
  for (const file of checked) {
    // In the transaction: a store inside the database then commits or rolls back with the rows.
    const sha256 = await store.put(file.file, { tx });
    rows.push({
      ticketId: input.ticketId,
      messageId: input.messageId ?? null,
      companyId: input.companyId,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.file.size,
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

import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../src/db/client';
import { ticketMessages, tickets } from '../../src/db/schema/index';
import type { Criticality, Desk, TicketStatus } from '../../src/domain/tickets/index';

let nextNumber = 100_000 + Math.floor(Math.random() * 800_000);

export type TicketInsert = typeof tickets.$inferInsert;

/** A ticket row written directly, for tests of lists, search and attachments. */
export async function insertTicket(
  db: DbOrTx,
  input: {
    companyId: string;
    createdBy: string;
    subject?: string;
    description?: string;
    desk?: Desk;
    status?: TicketStatus;
    criticality?: Criticality;
    createdAt?: Date;
    updatedAt?: Date;
  } & Partial<TicketInsert>,
) {
  nextNumber += 1;
  const desk = input.desk ?? 'support';
  const createdAt = input.createdAt ?? new Date('2026-03-02T08:00:00Z');
  const [row] = await db
    .insert(tickets)
    .values({
      desk,
      number: nextNumber,
      key: `${desk === 'support' ? 'SUP' : 'CON'}-${nextNumber}`,
      criticality: 'moyenne',
      status: 'open',
      subject: `Ticket ${randomUUID().slice(0, 8)}`,
      description: 'Description',
      ...input,
      createdAt,
      updatedAt: input.updatedAt ?? createdAt,
    })
    .returning();
  if (!row) throw new Error('ticket not inserted');
  return row;
}

export async function insertMessage(
  db: DbOrTx,
  input: { ticketId: string; authorId: string; body: string; visibility?: 'public' | 'internal'; at?: Date },
) {
  const [row] = await db
    .insert(ticketMessages)
    .values({
      ticketId: input.ticketId,
      authorId: input.authorId,
      body: input.body,
      visibility: input.visibility ?? 'public',
      createdAt: input.at ?? new Date('2026-03-02T09:00:00Z'),
    })
    .returning();
  if (!row) throw new Error('message not inserted');
  return row;
}

type Part =
  | { name: string; value: string }
  | { name: string; fileName: string; bytes: Buffer; contentType?: string };

/** A multipart/form-data request body, as a browser would send it. */
export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----guichet${randomUUID().replaceAll('-', '')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in part) {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
            `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        ),
      );
      chunks.push(part.bytes, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Small but real files, recognised by their content. */
export const sampleFiles = {
  pdf: Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  ),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
  /** The start of a Windows executable (MZ header). */
  exe: Buffer.concat([
    Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex'),
    Buffer.alloc(200, 0),
  ]),
  text: Buffer.from('Journal du 2 mars\nErreur de facturation à 10:42\n', 'utf8'),
};

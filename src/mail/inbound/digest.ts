import { createHash } from 'node:crypto';
import type { InboundContent } from '../../app/inbound/types';
import { senderAuthenticated } from './authentication';
import { newContent } from './clean';
import { automaticReason } from './loops';
import { type ParsedMail, parseMail } from './parse';
import { routingHints } from './routing';

export interface DigestOptions {
  via: InboundContent['via'];
  /** The SMTP envelope recipients (RCPT TO), when known. */
  envelopeTo?: string[];
  /** Signs and checks reply addresses. */
  secret: string;
  trustedAuthservId?: string;
}

/** Everything the pipeline learns from a mail's bytes, except the bytes themselves. */
export type DigestedMail = Omit<InboundContent, 'raw'> & { readable: boolean };

/**
 * The CPU-heavy part of receiving a mail: parse (charsets, transfer encodings), extract the new
 * text (HTML sanitised), recognise automatic mail, read routing hints and the MTA's verdict.
 * Pure: it runs in a worker thread (see digest-pool.ts), never on the loop that serves HTTP.
 */
export async function digestMail(raw: Uint8Array, options: DigestOptions): Promise<DigestedMail> {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let mail: ParsedMail;
  try {
    mail = await parseMail(bytes);
  } catch {
    return unreadable(options.via, sha256);
  }
  if (!mail.from && Object.keys(mail.headers).length === 0) return unreadable(options.via, sha256);
  const content = newContent(mail);
  return {
    readable: true,
    via: options.via,
    dedupeKey: mail.messageId ? `mid:${mail.messageId}` : `sha256:${sha256}`,
    messageId: mail.messageId,
    fromAddress: mail.from?.address ?? null,
    fromName: mail.from?.name || null,
    recipients: mail.recipients,
    subject: mail.subject,
    bodyText: content.body,
    bodyFormat: content.format,
    attachments: mail.attachments.map((a) => ({ fileName: a.fileName, bytes: a.bytes })),
    sha256,
    automatic: automaticReason(mail),
    senderAuthenticated: senderAuthenticated(mail, options.trustedAuthservId),
    hints: routingHints(mail, {
      secret: options.secret,
      ...(options.envelopeTo ? { envelopeTo: options.envelopeTo } : {}),
    }),
  };
}

/** The attachments of a stored mail, for an admin releasing it to a ticket. */
export async function mailAttachments(raw: Uint8Array): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  const mail = await parseMail(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
  return mail.attachments.map((a) => ({ fileName: a.fileName, bytes: a.bytes }));
}

function unreadable(via: InboundContent['via'], sha256: string): DigestedMail {
  return {
    readable: false,
    via,
    dedupeKey: `sha256:${sha256}`,
    messageId: null,
    fromAddress: null,
    fromName: null,
    recipients: [],
    subject: '',
    bodyText: '',
    bodyFormat: 'plain',
    attachments: [],
    sha256,
    automatic: null,
    senderAuthenticated: false,
    hints: { tokenTicketIds: [], threadIds: [], subjectKeys: [] },
  };
}

import { createHash } from 'node:crypto';
import type { AppContext } from '../../app/context';
import { AppError } from '../../app/errors/index';
import { processInbound } from '../../app/inbound/process-inbound';
import type { InboundContent, InboundResult } from '../../app/inbound/types';
import { senderAuthenticated } from './authentication';
import { newText } from './clean';
import { automaticReason } from './loops';
import { type ParsedMail, parseMail } from './parse';
import { routingHints } from './routing';

/** The largest mail accepted, whichever way it comes in. */
export const MAX_INBOUND_BYTES = 30 * 1024 * 1024;

export interface IngestOptions {
  via: 'smtp' | 'imap' | 'webhook';
  /** The SMTP envelope recipients (RCPT TO), when known. */
  envelopeTo?: string[];
}

/**
 * The one inbound pipeline (R11), shared by the SMTP listener, IMAP polling and the webhook: parse,
 * keep the new text, recognise automatic mail, find the ticket, check the sender, then record the
 * mail and its effects in one transaction. Resolves once committed.
 */
export async function ingestMail(
  ctx: AppContext,
  raw: Buffer,
  options: IngestOptions,
): Promise<InboundResult> {
  if (raw.length > MAX_INBOUND_BYTES) throw new AppError('payload_too_large');
  let mail: ParsedMail;
  try {
    mail = await parseMail(raw);
  } catch {
    throw new AppError('inbound_mail_unreadable');
  }
  if (!mail.from && Object.keys(mail.headers).length === 0) throw new AppError('inbound_mail_unreadable');
  return processInbound(ctx, toContent(ctx, raw, mail, options));
}

export function toContent(
  ctx: AppContext,
  raw: Buffer,
  mail: ParsedMail,
  options: IngestOptions,
): InboundContent {
  const sha256 = createHash('sha256').update(raw).digest('hex');
  return {
    via: options.via,
    dedupeKey: mail.messageId ? `mid:${mail.messageId}` : `sha256:${sha256}`,
    messageId: mail.messageId,
    fromAddress: mail.from?.address ?? null,
    fromName: mail.from?.name || null,
    recipients: mail.recipients,
    subject: mail.subject,
    bodyText: newText(mail),
    attachments: mail.attachments.map((a) => ({ fileName: a.fileName, bytes: a.bytes })),
    raw,
    sha256,
    automatic: automaticReason(mail),
    senderAuthenticated: senderAuthenticated(mail, ctx.config.INBOUND_TRUSTED_AUTHSERV_ID),
    hints: routingHints(mail, {
      secret: ctx.config.secret,
      ...(options.envelopeTo ? { envelopeTo: options.envelopeTo } : {}),
    }),
  };
}

/** The attachments of a stored mail, for an admin releasing it to a ticket. */
export async function attachmentsOf(raw: Buffer): Promise<{ fileName: string; bytes: Buffer }[]> {
  const mail = await parseMail(raw);
  return mail.attachments.map((a) => ({ fileName: a.fileName, bytes: a.bytes }));
}

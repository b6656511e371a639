import type { AppContext } from '../../app/context';
import { AppError } from '../../app/errors/index';
import { processInbound } from '../../app/inbound/process-inbound';
import type { InboundResult } from '../../app/inbound/types';
import { attachmentsInWorker, digestInWorker } from './digest-pool';

/** The largest mail accepted, whichever way it comes in. */
export const MAX_INBOUND_BYTES = 30 * 1024 * 1024;

export interface IngestOptions {
  via: 'smtp' | 'imap' | 'webhook';
  /** The SMTP envelope recipients (RCPT TO), when known. */
  envelopeTo?: string[];
}

/**
 * The one inbound pipeline (R11), shared by the SMTP listener, IMAP polling and the webhook: parse,
 * keep the new text, recognise automatic mail, find the ticket, check the sender (all of it in a
 * worker thread), then record the mail and its effects in one transaction. Resolves once committed.
 */
export async function ingestMail(
  ctx: AppContext,
  raw: Buffer,
  options: IngestOptions,
): Promise<InboundResult> {
  if (raw.length > MAX_INBOUND_BYTES) throw new AppError('payload_too_large');
  const { readable, ...content } = await digestInWorker(raw, {
    via: options.via,
    secret: ctx.config.secret,
    ...(options.envelopeTo ? { envelopeTo: options.envelopeTo } : {}),
    ...(ctx.config.INBOUND_TRUSTED_AUTHSERV_ID
      ? { trustedAuthservId: ctx.config.INBOUND_TRUSTED_AUTHSERV_ID }
      : {}),
  });
  if (!readable) throw new AppError('inbound_mail_unreadable');
  return processInbound(ctx, { ...withoutNul(content), raw });
}

/**
 * PostgreSQL text cannot hold a NUL character: a mail carrying one would fail to record, be
 * answered "try again" and never land. NULs carry no meaning in mail text, so they are dropped.
 * (The raw message keeps them: it is stored as bytes.)
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '') as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T;
  }
  return value;
}

/** The attachments of a stored mail, for an admin releasing it to a ticket. */
export const attachmentsOf = attachmentsInWorker;

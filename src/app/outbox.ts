import type { DbOrTx } from '../db/client';
import { outbox } from '../db/schema/index';
import type { Language } from '../i18n/language';

export interface QueuedMail {
  /** Template name, e.g. 'account.approved' (see src/mail/templates). */
  template: string;
  recipient: string;
  language: Language;
  params?: Record<string, unknown>;
  ticketId?: string;
}

/**
 * Queues a mail in the same transaction as the change it reports: if the change rolls back, no
 * mail; if it commits, the dispatcher sends it (with retries) even after a restart.
 */
export async function queueMail(db: DbOrTx, mail: QueuedMail, now: Date): Promise<number> {
  const [row] = await db
    .insert(outbox)
    .values({
      template: mail.template,
      recipient: mail.recipient,
      language: mail.language,
      params: mail.params ?? {},
      ticketId: mail.ticketId ?? null,
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error('outbox insert returned nothing');
  return row.id;
}

/** `queueMail` for many mails in one statement; the outbox ids in the order of `mails`. */
export async function queueMails(db: DbOrTx, mails: readonly QueuedMail[], now: Date): Promise<number[]> {
  if (!mails.length) return [];
  const rows = await db
    .insert(outbox)
    .values(
      mails.map((mail) => ({
        template: mail.template,
        recipient: mail.recipient,
        language: mail.language,
        params: mail.params ?? {},
        ticketId: mail.ticketId ?? null,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .returning({ id: outbox.id });
  if (rows.length !== mails.length) throw new Error('outbox insert returned too few rows');
  // Ids are drawn in the order of the VALUES rows, so sorting restores it whatever order they come back in.
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

import { sql } from 'drizzle-orm';
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
  // Written as SQL text: a mail is queued by most changes (see `tableRows` in src/db).
  const result = await db.execute(sql`
    insert into ${outbox} (template, recipient, language, params, ticket_id, next_attempt_at, created_at)
    values (${mail.template}, ${mail.recipient}, ${mail.language}, ${JSON.stringify(mail.params ?? {})}::jsonb,
            ${mail.ticketId ?? null}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
    returning id`);
  const [row] = (result as unknown as { rows: { id: number | string }[] }).rows;
  if (!row) throw new Error('outbox insert returned nothing');
  return Number(row.id);
}

/**
 * `queueMail` for many mails in one statement (their values travel as one JSON parameter, not
 * eight per mail); the outbox ids in the order of `mails`.
 */
export async function queueMails(db: DbOrTx, mails: readonly QueuedMail[], now: Date): Promise<number[]> {
  if (!mails.length) return [];
  const rows = mails.map((mail, n) => ({
    n,
    template: mail.template,
    recipient: mail.recipient,
    language: mail.language,
    params: mail.params ?? {},
    ticketId: mail.ticketId ?? null,
  }));
  const result = await db.execute(sql`
    insert into ${outbox} (template, recipient, language, params, ticket_id, next_attempt_at, created_at)
    select template, recipient, language, params, "ticketId", ${now.toISOString()}::timestamptz,
           ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as v(n int, template text, recipient text, language language, params jsonb, "ticketId" text)
     order by n
    returning id`);
  const ids = (result as unknown as { rows: { id: number | string }[] }).rows.map((r) => Number(r.id));
  if (ids.length !== mails.length) throw new Error('outbox insert returned too few rows');
  // Ids are drawn in insertion order (the rows go in by n), so sorting them gives each mail its own.
  return ids.sort((a, b) => a - b);
}

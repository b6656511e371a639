import { eq, or, sql } from 'drizzle-orm';
import type { AppContext } from '../app/context';
import type { DbOrTx } from '../db/client';
import { type outbox, users } from '../db/schema/index';
import { isLanguage, type Language } from '../i18n/language';
import { loadPublicMessage, loadTicketView } from './render-ticket';
import {
  findTemplate,
  type MailTemplate,
  type Rendered,
  renderTemplate,
  stillApplies,
} from './templates/index';
import type { TicketView } from './templates/ticket-view';

export type OutboxRow = typeof outbox.$inferSelect;

export type RenderOutcome =
  | {
      kind: 'send';
      template: MailTemplate;
      language: Language;
      rendered: Rendered;
      ticket: TicketView | null;
    }
  | { kind: 'drop'; reason: string };

/** A mail that can never be rendered (unknown template, bad parameters): retrying will not help. */
export class PermanentMailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentMailError';
  }
}

/**
 * Renders an outbox row from the current state of what it speaks of: the recipient's language
 * today (when they have an account), the ticket as it is now; and drops the mail when it no longer
 * applies (a reminder for a ticket that is no longer waiting on the customer, a ticket gone).
 */
export async function renderOutboxMail(ctx: AppContext, db: DbOrTx, row: OutboxRow): Promise<RenderOutcome> {
  const template = findTemplate(row.template);
  if (!template) throw new PermanentMailError(`unknown mail template ${row.template}`);
  const language = (await recipientLanguage(db, row.recipient)) ?? row.language;
  let params: Record<string, unknown> = { ...row.params };
  let ticket: TicketView | null = null;
  if (template.audience !== 'account') {
    const ticketId = row.ticketId ?? (typeof params.ticketId === 'string' ? params.ticketId : null);
    if (!ticketId) throw new PermanentMailError(`mail ${row.template} names no ticket`);
    ticket = await loadTicketView(db, ticketId, ctx.publicUrl);
    if (!ticket) return { kind: 'drop', reason: 'the ticket no longer exists' };
    params = { ...params, ticket };
    if (typeof params.messageId === 'string' && params.body === undefined) {
      const message = await loadPublicMessage(db, ticket.id, params.messageId);
      if (!message) return { kind: 'drop', reason: 'the message is gone or not public' };
      params = { ...params, ...message };
    }
  }
  if (!stillApplies(template, params)) {
    return { kind: 'drop', reason: 'no longer applies to the current state of the ticket' };
  }
  try {
    return { kind: 'send', template, language, rendered: renderTemplate(template, language, params), ticket };
  } catch (error) {
    throw new PermanentMailError(error instanceof Error ? error.message : String(error));
  }
}

/** The language a person with an account chose, which may have changed since the mail was queued. */
async function recipientLanguage(db: DbOrTx, recipient: string): Promise<Language | null> {
  const address = recipient.trim().toLowerCase();
  const [user] = await db
    .select({ language: users.language })
    .from(users)
    .where(or(eq(sql`lower(${users.email})`, address), eq(sql`lower(${users.notificationEmail})`, address)))
    .limit(1);
  return user && isLanguage(user.language) ? user.language : null;
}

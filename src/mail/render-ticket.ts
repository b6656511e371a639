import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { companies, users } from '../db/schema/core';
import { ticketMessages, tickets } from '../db/schema/tickets';
import type { MessageFormat } from '../domain/tickets/index';
import type { TicketView } from './templates/ticket-view';

/** The ticket as mails show it, from its current state; null when it does not exist. */
export async function loadTicketView(
  db: DbOrTx,
  ticketId: string,
  publicUrl: string,
): Promise<TicketView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(ticketId)) return null;
  const [row] = await db
    .select({
      id: tickets.id,
      key: tickets.key,
      subject: tickets.subject,
      status: tickets.status,
      criticality: tickets.criticality,
      companyName: companies.name,
    })
    .from(tickets)
    .innerJoin(companies, eq(companies.id, tickets.companyId))
    .where(eq(tickets.id, ticketId))
    .limit(1);
  if (!row) return null;
  return { ...row, url: `${publicUrl}/tickets/${row.id}`, portalUrl: publicUrl };
}

/**
 * The public message a mail quotes, with its author's name; null when it does not exist, belongs
 * to another ticket or is not public (an internal note is never mailed to a customer).
 */
export async function loadPublicMessage(
  db: DbOrTx,
  ticketId: string,
  messageId: string,
): Promise<{ body: string; format: MessageFormat; authorName: string | null } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(messageId)) return null;
  const [row] = await db
    .select({
      body: ticketMessages.body,
      format: ticketMessages.format,
      ticketId: ticketMessages.ticketId,
      visibility: ticketMessages.visibility,
      refused: ticketMessages.refused,
      authorName: users.name,
    })
    .from(ticketMessages)
    .leftJoin(users, eq(users.id, ticketMessages.authorId))
    .where(eq(ticketMessages.id, messageId))
    .limit(1);
  if (!row || row.ticketId !== ticketId || row.visibility !== 'public' || row.refused) return null;
  return { body: row.body, format: row.format, authorName: row.authorName };
}

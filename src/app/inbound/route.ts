import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { companies, outbox, tickets, users } from '../../db/schema/index';
import type { TicketRow } from '../tickets/record-event';
import type { InboundContent } from './types';

export type SenderUser = typeof users.$inferSelect;

export type Route =
  | { kind: 'ticket'; ticket: TicketRow; via: 'token' | 'thread' | 'key'; allowed: boolean }
  | { kind: 'unauthenticated'; ticket: TicketRow }
  | { kind: 'none' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The active user writing, by login or notification address. */
export async function findSender(db: DbOrTx, address: string | null): Promise<SenderUser | null> {
  if (!address) return null;
  const lower = address.toLowerCase();
  const [user] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.active, true),
        or(eq(sql`lower(${users.email})`, lower), eq(sql`lower(${users.notificationEmail})`, lower)),
      ),
    )
    .limit(1);
  return user ?? null;
}

/** May this address write to this company's tickets (R11)? An active user of it, or one of its domains. */
export async function senderAllowedOn(
  db: DbOrTx,
  companyId: string,
  address: string | null,
  sender: SenderUser | null,
): Promise<boolean> {
  if (!address) return false;
  if (userOfCompany(sender, companyId)) return true;
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  const [company] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.id, companyId), sql`${domain} = any(${companies.mailDomains})`))
    .limit(1);
  return company !== undefined;
}

/**
 * Finds the ticket a mail answers. Only what a stranger cannot forge may post: a signed reply
 * address, or a reply to a mail we sent to that very address (its Message-ID in In-Reply-To or
 * References). A ticket key in the subject is easy to guess: it routes only a known user of the
 * ticket's company whose mail the trusted MTA authenticated; otherwise the mail is quarantined.
 */
export async function routeMail(
  db: DbOrTx,
  content: Pick<InboundContent, 'hints' | 'fromAddress' | 'senderAuthenticated'>,
  sender: SenderUser | null,
): Promise<Route> {
  const { hints, fromAddress } = content;
  const byToken = await firstTicket(db, hints.tokenTicketIds);
  if (byToken) return withStanding(db, byToken, 'token', fromAddress, sender);

  if (hints.threadIds.length > 0 && fromAddress) {
    const candidates = hints.threadIds.flatMap((id) => [id, `<${id}>`]);
    const sent = await db
      .select({ ticketId: outbox.ticketId, messageId: outbox.messageId })
      .from(outbox)
      .where(
        and(
          inArray(outbox.messageId, candidates),
          isNotNull(outbox.ticketId),
          eq(sql`lower(${outbox.recipient})`, fromAddress.toLowerCase()),
        ),
      );
    // Most recent reference first, as the hints are ordered.
    const threadTicketIds = hints.threadIds.flatMap((id) => {
      const match = sent.find((s) => s.messageId === id || s.messageId === `<${id}>`);
      return match?.ticketId ? [match.ticketId] : [];
    });
    const byThread = await firstTicket(db, threadTicketIds);
    if (byThread) return withStanding(db, byThread, 'thread', fromAddress, sender);
  }

  if (hints.subjectKeys.length > 0) {
    const keyed = await db.select().from(tickets).where(inArray(tickets.key, hints.subjectKeys));
    for (const key of hints.subjectKeys) {
      const ticket = keyed.find((t) => t.key === key);
      if (!ticket || !userOfCompany(sender, ticket.companyId)) continue;
      if (!content.senderAuthenticated) return { kind: 'unauthenticated', ticket };
      return { kind: 'ticket', ticket, via: 'key', allowed: true };
    }
  }
  return { kind: 'none' };
}

function userOfCompany(sender: SenderUser | null, companyId: string): boolean {
  return sender !== null && sender.role === 'customer' && sender.companyId === companyId;
}

async function withStanding(
  db: DbOrTx,
  ticket: TicketRow,
  via: 'token' | 'thread',
  address: string | null,
  sender: SenderUser | null,
): Promise<Route> {
  return {
    kind: 'ticket',
    ticket,
    via,
    allowed: await senderAllowedOn(db, ticket.companyId, address, sender),
  };
}

async function firstTicket(db: DbOrTx, ids: string[]): Promise<TicketRow | null> {
  const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
  if (valid.length === 0) return null;
  const rows = await db.select().from(tickets).where(inArray(tickets.id, valid));
  for (const id of valid) {
    const row = rows.find((r) => r.id === id);
    if (row) return row;
  }
  return null;
}

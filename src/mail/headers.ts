import type { Config } from '../config';
import { replyAddress } from './reply-token';
import type { MailTemplate } from './templates/index';

/** The domain of the sender address: Message-IDs are made under it. */
export function senderDomain(config: Config): string {
  const address = /<([^>]+)>/.exec(config.MAIL_FROM)?.[1] ?? config.MAIL_FROM;
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1).trim() : 'guichet.local';
}

/**
 * The stable root of a ticket's mail thread. Every mail about the ticket points to it with
 * In-Reply-To and References, so mail clients group them, and an answer names its ticket.
 */
export function ticketThreadId(ticketId: string, domain: string): string {
  return `<ticket-${ticketId}@${domain}>`;
}

export interface ThreadHeaders {
  replyTo?: string;
  inReplyTo?: string;
  references?: string;
  /** Further headers, by name. */
  headers: Record<string, string>;
}

/** Threading, reply address and loop prevention for one mail. */
export function mailHeaders(
  config: Config,
  template: MailTemplate,
  ticketId: string | null,
  outboxId: number,
): ThreadHeaders {
  const headers: Record<string, string> = {
    'X-Guichet-Template': template.name,
    'X-Guichet-Outbox': String(outboxId),
  };
  if (template.autoSubmitted) {
    headers['Auto-Submitted'] = template.autoSubmitted;
    // Asks Exchange and Outlook not to answer with out-of-office notices (no loops, R11).
    headers['X-Auto-Response-Suppress'] = 'All';
    headers.Precedence = template.autoSubmitted === 'auto-replied' ? 'auto_reply' : 'bulk';
  }
  if (!ticketId) return { headers };
  const root = ticketThreadId(ticketId, senderDomain(config));
  headers['X-Guichet-Ticket'] = ticketId;
  return {
    // Staff mails are answered in the portal; customer mails come back to the ticket.
    ...(template.audience === 'ticket'
      ? { replyTo: replyAddress(config.secret, ticketId, config.INBOUND_DOMAIN) }
      : {}),
    inReplyTo: root,
    references: root,
    headers,
  };
}

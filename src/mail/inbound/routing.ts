import { parseReplyAddress } from '../reply-token';
import type { ParsedMail } from './parse';

/** What in a mail may point to a ticket, strongest first (R11). */
export interface RoutingHints {
  /** Ticket ids from signed reply addresses among the recipients (To, Cc, Delivered-To, envelope). */
  tokenTicketIds: string[];
  /** Message-IDs this mail answers (In-Reply-To, then References), to match against mails we sent. */
  threadIds: string[];
  /** Ticket keys such as SUP-1042 found in brackets in the subject. */
  subjectKeys: string[];
}

export function routingHints(
  mail: Pick<ParsedMail, 'recipients' | 'threadIds' | 'subject'>,
  options: { secret: string; envelopeTo?: string[] },
): RoutingHints {
  const addresses = [...(options.envelopeTo ?? []), ...mail.recipients];
  const tokenTicketIds = unique(
    addresses.map((a) => parseReplyAddress(options.secret, a)).filter((id): id is string => id !== null),
  );
  const subjectKeys = unique(
    [...mail.subject.matchAll(/\[([A-Z][A-Z0-9]{1,9}-\d{1,10})\]/gi)].map((m) =>
      (m[1] as string).toUpperCase(),
    ),
  );
  return { tokenTicketIds, threadIds: mail.threadIds, subjectKeys };
}

export interface SenderStanding {
  /** The sender is an active user of the ticket's company. */
  userOfCompany: boolean;
  /** The sender's domain is one of the company's mail domains. */
  domainOfCompany: boolean;
}

/** A sender may write to a ticket only from an address allowed on that ticket's company. */
export function senderAllowed(standing: SenderStanding): boolean {
  return standing.userOfCompany || standing.domainOfCompany;
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

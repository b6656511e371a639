import type { MessageFormat } from '../../domain/tickets/index';

/** What the inbound pipeline hands to the application, once a mail is parsed and cleaned. */
export interface InboundContent {
  via: 'smtp' | 'imap' | 'webhook';
  /** Message-ID based (`mid:…`), else the sha-256 of the source (`sha256:…`). */
  dedupeKey: string;
  messageId: string | null;
  fromAddress: string | null;
  fromName: string | null;
  recipients: string[];
  subject: string;
  /** The new text, quoted history and signature removed. */
  bodyText: string;
  /** How the new text is written: Markdown converted from the HTML part, or the plain text part. */
  bodyFormat: MessageFormat;
  attachments: { fileName: string; bytes: Buffer }[];
  raw: Buffer;
  sha256: string;
  /** Why the mail is automatic (out-of-office, bounce, list …), or null for a person's mail. */
  automatic: string | null;
  /**
   * The trusted MTA's Authentication-Results say the From domain passed DMARC, SPF or DKIM
   * (see src/mail/inbound/authentication.ts). False when no trusted MTA is configured.
   */
  senderAuthenticated: boolean;
  hints: {
    tokenTicketIds: string[];
    threadIds: string[];
    subjectKeys: string[];
  };
}

export type InboundOutcome =
  | 'posted'
  | 'refused_closed'
  | 'quarantined'
  | 'ignored_auto'
  | 'ignored_duplicate'
  | 'created_ticket'
  | 'discarded';

export interface InboundResult {
  id: string;
  outcome: InboundOutcome;
  reason: string | null;
  ticketId: string | null;
}

/** At most this many automatic answers to one sender per hour, so two robots cannot loop. */
export const AUTO_ANSWERS_PER_SENDER_PER_HOUR = 3;

import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import type { Config } from '../config';
import type { DbOrTx } from '../db/client';
import { storedMails } from '../db/schema/index';

/** A rendered mail, ready to leave. */
export interface OutgoingMail {
  outboxId: number;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** With angle brackets: `<outbox-12.ab34@guichet.local>`. */
  messageId: string;
  replyTo?: string;
  inReplyTo?: string;
  references?: string;
  headers: Record<string, string>;
}

/**
 * Where mails go. `transactional` transports write in the database: the dispatcher delivers and
 * marks the row sent in one transaction, so a stored mail exists exactly once.
 */
export interface MailTransport {
  kind: 'store' | 'smtp';
  transactional: boolean;
  deliver(db: DbOrTx, mail: OutgoingMail, now: Date): Promise<void>;
  close(): void;
}

/** Every header of a mail as a reader sees them, for the mail store. */
export function headerMap(mail: OutgoingMail): Record<string, string> {
  return {
    'Message-ID': mail.messageId,
    From: mail.from,
    To: mail.to,
    Subject: mail.subject,
    ...(mail.replyTo ? { 'Reply-To': mail.replyTo } : {}),
    ...(mail.inReplyTo ? { 'In-Reply-To': mail.inReplyTo } : {}),
    ...(mail.references ? { References: mail.references } : {}),
    ...mail.headers,
  };
}

/** No SMTP server configured: mails are kept in `stored_mails` and shown to admins. */
export const storeTransport: MailTransport = {
  kind: 'store',
  transactional: true,
  async deliver(db, mail, now) {
    await db.insert(storedMails).values({
      outboxId: mail.outboxId,
      messageId: mail.messageId,
      sender: mail.from,
      recipient: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: headerMap(mail),
      storedAt: now,
    });
  },
  close: () => undefined,
};

/** SMTP through nodemailer: TLS as the URL says (smtps:// or STARTTLS), DKIM when configured. */
export function smtpTransport(config: Config): MailTransport {
  if (!config.SMTP_URL) throw new Error('SMTP_URL is not set');
  const dkim =
    config.DKIM_DOMAIN && config.DKIM_SELECTOR && config.DKIM_PRIVATE_KEY_FILE
      ? {
          domainName: config.DKIM_DOMAIN,
          keySelector: config.DKIM_SELECTOR,
          privateKey: readFileSync(config.DKIM_PRIVATE_KEY_FILE, 'utf8'),
        }
      : undefined;
  const transporter = nodemailer.createTransport({
    url: config.SMTP_URL,
    // Well under the dispatcher's lease, so a hung server never makes two workers send one mail.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    ...(dkim ? { dkim } : {}),
  });
  return {
    kind: 'smtp',
    transactional: false,
    async deliver(_db, mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
        ...(mail.references ? { references: mail.references } : {}),
        headers: mail.headers,
      });
    },
    close: () => transporter.close(),
  };
}

const transports = new WeakMap<Config, MailTransport>();

/** The transport the configuration asks for, made once per configuration. */
export function transportFor(config: Config): MailTransport {
  let transport = transports.get(config);
  if (!transport) {
    transport = config.SMTP_URL ? smtpTransport(config) : storeTransport;
    transports.set(config, transport);
  }
  return transport;
}

/** An SMTP answer that will not change on retry (5xx): the mail fails at once. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

import type { z } from 'zod';
import type { MessageFormat } from '../../domain/tickets/index';
import type { Language } from '../../i18n/language';

/**
 * A mail body is a list of blocks; the layout turns them into HTML (escaped in one place) and plain
 * text, so no template writes markup by hand and both bodies always say the same thing.
 */
export type Block =
  | { kind: 'p'; text: string }
  /** A button in HTML, a bare link in text. */
  | { kind: 'action'; label: string; url: string }
  /** Quoted text written by someone (an answer, a reason): kept verbatim, line breaks included. */
  | { kind: 'quote'; text: string }
  /**
   * A message as written on the portal (Markdown or plain text): its rendered, sanitised HTML in
   * the HTML part, and text derived from that same HTML in the text part. `origin` is the portal's,
   * for the links to pictures.
   */
  | { kind: 'message'; body: string; format: MessageFormat; origin: string }
  /** Label/value rows (ticket key, status, criticality …). */
  | { kind: 'facts'; rows: [string, string][] };

export interface LanguageVersion<P> {
  subject(params: P): string;
  body(params: P): Block[];
}

/**
 * What the template is about: account mails stand alone; ticket mails get the ticket's current
 * state (`ticket`) added at send time; staff mails are ticket mails for Customer Services.
 */
export type Audience = 'account' | 'ticket' | 'staff';

/**
 * What the mail's last line tells the reader to do: `reply` where an answer by mail is welcome
 * (it lands on the request); `closed` where it would not be (R10: the request is closed, open a
 * new one, with the link); `automatic` for mails that no request takes answers to.
 */
export type Footer = 'reply' | 'closed' | 'automatic';

export interface MailTemplate<N extends string = string, S extends z.ZodType = z.ZodType> {
  name: N;
  audience: Audience;
  footer: Footer;
  /** `Auto-Submitted` header (RFC 3834): set on mails no person wrote, so auto-responders stay quiet. */
  autoSubmitted?: 'auto-generated' | 'auto-replied';
  /** The parameters, checked when the mail is rendered (they travelled through JSON). */
  params: S;
  /** Parameters for the catalogue test: every template renders in every language. */
  sample: z.infer<S>;
  /** Rendered at send time: false means the mail no longer applies and is dropped. */
  stillApplies?(params: z.infer<S>): boolean;
  fr: LanguageVersion<z.infer<S>>;
  de: LanguageVersion<z.infer<S>>;
  en: LanguageVersion<z.infer<S>>;
}

/** Typed helper: keeps the literal name and infers the parameters from the schema. */
export function defineTemplate<N extends string, S extends z.ZodType>(
  template: MailTemplate<N, S>,
): MailTemplate<N, S> {
  return template;
}

export type Rendered = { subject: string; html: string; text: string };

export type { Language };

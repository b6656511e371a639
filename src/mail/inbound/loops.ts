import type { ParsedMail } from './parse';

/**
 * Why a mail is automatic (an out-of-office, a bounce, a list, a robot), or null for a person's mail.
 * Automatic mail is never posted on a ticket and never answered, so two auto-responders cannot
 * talk to each other through Guichet (R11). An out-of-office that quotes a genuine reply is lost
 * to the ticket on purpose: the customer's real answer comes later, from the person.
 */
export type AutomaticReason =
  | 'auto_submitted'
  | 'precedence'
  | 'autoreply_header'
  | 'mailing_list'
  | 'system_sender'
  | 'bounce'
  | 'autoreply_subject';

const SYSTEM_SENDERS =
  /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|donotreply|bounces?|notifications?-?noreply)([+._-].*)?$/i;

const AUTOREPLY_SUBJECTS = [
  /automatic reply/i,
  /auto(matic)?[- ]?reply/i,
  /auto[- ]?response/i,
  /r[ée]ponse automatique/i,
  /absence du bureau/i,
  /abwesenheitsnotiz/i,
  /automatische antwort/i,
  /out of (the )?office/i,
  /delivery status notification/i,
  /undeliverable:/i,
  /undelivered mail/i,
  /mail delivery (failed|failure|subsystem)/i,
  /unzustellbar/i,
  /non remis/i,
];

export function automaticReason(
  mail: Pick<ParsedMail, 'headers' | 'from' | 'subject'>,
): AutomaticReason | null {
  const header = (name: string) => mail.headers[name] ?? [];
  const autoSubmitted = header('auto-submitted').map((v) => v.split(';')[0]?.trim().toLowerCase());
  if (autoSubmitted.some((v) => v && v !== 'no')) return 'auto_submitted';
  if (header('precedence').some((v) => /^(bulk|junk|list|auto_reply)$/i.test(v.trim()))) return 'precedence';
  if (['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-auto-reply'].some((h) => header(h).length > 0)) {
    return 'autoreply_header';
  }
  if (['list-id', 'list-unsubscribe', 'list-post'].some((h) => header(h).length > 0)) return 'mailing_list';
  const local = mail.from?.address.split('@')[0] ?? '';
  if (!mail.from || SYSTEM_SENDERS.test(local)) return 'system_sender';
  if (header('return-path').some((v) => v.replace(/\s/g, '') === '<>')) return 'bounce';
  if (header('content-type').some((v) => /multipart\/report/i.test(v))) return 'bounce';
  if (AUTOREPLY_SUBJECTS.some((re) => re.test(mail.subject))) return 'autoreply_subject';
  return null;
}

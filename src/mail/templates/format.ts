import type { Language } from '../../i18n/language';

const locales: Record<Language, string> = { fr: 'fr-CH', de: 'de-CH', en: 'en-GB' };

/** An instant as people of the desk read it: long date and time, in Zurich time. */
export function formatInstant(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Zurich',
  }).format(date);
}

/** `[SUP-1042] Subject – what happened`: the key first, so mail clients and people sort by it. */
export function ticketSubject(ticket: { key: string; subject: string }, what: string): string {
  return `[${ticket.key}] ${ticket.subject} – ${what}`;
}

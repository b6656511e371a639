import { z } from 'zod';
import type { Language } from '../../i18n/language';
import { ticketSubject } from './format';
import { sampleTicket, type TicketView, ticketFacts, ticketViewSchema } from './ticket-view';
import { type Block, defineTemplate } from './types';

const kinds = ['customer_reply', 'assigned', 'mention', 'transferred'] as const;
type Kind = (typeof kinds)[number];
type Params = { ticket: TicketView; kind: Kind; actorName?: string | null; excerpt?: string | null };

const someone: Record<Language, string> = { fr: 'Quelqu’un', de: 'Jemand', en: 'Someone' };

const texts: Record<Language, Record<Kind, { what: string; line: (who: string, key: string) => string }>> = {
  fr: {
    customer_reply: {
      what: 'réponse du client',
      line: (who, key) => `${who} a répondu sur la demande ${key} :`,
    },
    assigned: { what: 'attribuée à vous', line: (who, key) => `${who} vous a attribué la demande ${key}.` },
    mention: {
      what: 'mentionné dans une note',
      line: (who, key) => `${who} vous a mentionné dans une note interne de ${key} :`,
    },
    transferred: {
      what: 'transférée au consulting',
      line: (who, key) => `${who} a transféré la demande ${key} au consulting. Sa note :`,
    },
  },
  de: {
    customer_reply: {
      what: 'Antwort des Kunden',
      line: (who, key) => `${who} hat auf die Anfrage ${key} geantwortet:`,
    },
    assigned: {
      what: 'Ihnen zugewiesen',
      line: (who, key) => `${who} hat Ihnen die Anfrage ${key} zugewiesen.`,
    },
    mention: {
      what: 'in einer Notiz erwähnt',
      line: (who, key) => `${who} hat Sie in einer internen Notiz zu ${key} erwähnt:`,
    },
    transferred: {
      what: 'an Consulting übergeben',
      line: (who, key) => `${who} hat die Anfrage ${key} an Consulting übergeben. Die Notiz dazu:`,
    },
  },
  en: {
    customer_reply: { what: 'customer replied', line: (who, key) => `${who} replied on request ${key}:` },
    assigned: { what: 'assigned to you', line: (who, key) => `${who} assigned request ${key} to you.` },
    mention: {
      what: 'mentioned in a note',
      line: (who, key) => `${who} mentioned you in an internal note on ${key}:`,
    },
    transferred: {
      what: 'transferred to Consulting',
      line: (who, key) => `${who} transferred request ${key} to Consulting. Their note:`,
    },
  },
};

const openLabels: Record<Language, string> = {
  fr: 'Ouvrir dans la console',
  de: 'In der Konsole öffnen',
  en: 'Open in the console',
};

function version(language: Language) {
  return {
    subject: (p: Params) => ticketSubject(p.ticket, texts[language][p.kind].what),
    body: (p: Params): Block[] => [
      { kind: 'p', text: texts[language][p.kind].line(p.actorName || someone[language], p.ticket.key) },
      ...(p.excerpt ? [{ kind: 'quote' as const, text: p.excerpt }] : []),
      ticketFacts(p.ticket, language),
      {
        kind: 'action',
        label: openLabels[language],
        url: `${p.ticket.portalUrl}/staff/tickets/${p.ticket.id}`,
      },
    ],
  };
}

/** A notice to staff (also shown in the app's bell): a reply, an assignment, a mention, a transfer. */
export default defineTemplate({
  name: 'staff.notice',
  audience: 'staff',
  footer: 'automatic',
  autoSubmitted: 'auto-generated',
  params: z.object({
    ticket: ticketViewSchema,
    kind: z.enum(kinds),
    actorName: z.string().nullish(),
    excerpt: z.string().nullish(),
  }),
  sample: {
    ticket: sampleTicket,
    kind: 'mention',
    actorName: 'Anne Agent',
    excerpt: 'Peux-tu regarder @Bruno ?',
  },
  fr: version('fr'),
  de: version('de'),
  en: version('en'),
});

import { z } from 'zod';
import type { Language } from '../../i18n/language';
import { criticalityLabels, label, statusLabels } from './labels';
import type { Block } from './types';

/**
 * The ticket as a mail shows it, loaded from its current state when the mail is sent (never from
 * the moment it was queued): ticket templates receive it as `ticket`.
 */
export const ticketViewSchema = z.object({
  id: z.string(),
  key: z.string(),
  subject: z.string(),
  status: z.string(),
  criticality: z.string(),
  companyName: z.string(),
  /** `${publicUrl}/tickets/<id>` */
  url: z.string(),
  /** Base URL of the portal, for other links. */
  portalUrl: z.string(),
});
export type TicketView = z.infer<typeof ticketViewSchema>;

export const sampleTicket: TicketView = {
  id: '0d8a5f7e-3a1b-4c55-9a43-6e5b1f2d7c10',
  key: 'SUP-1042',
  subject: 'Export TVA <trimestriel> & "bouclement"',
  status: 'waiting_customer',
  criticality: 'haute',
  companyName: 'Acme SA',
  url: 'http://localhost:3000/tickets/0d8a5f7e-3a1b-4c55-9a43-6e5b1f2d7c10',
  portalUrl: 'http://localhost:3000',
};

/** R10: where to open a new request, linked to this (closed) one. */
export const newRequestUrl = (ticket: Pick<TicketView, 'portalUrl' | 'id'>) =>
  `${ticket.portalUrl}/tickets/new?linkedTo=${encodeURIComponent(ticket.id)}`;

const factLabels: Record<Language, [string, string, string, string]> = {
  fr: ['Demande', 'Sujet', 'Statut', 'Criticité'],
  de: ['Anfrage', 'Betreff', 'Status', 'Kritikalität'],
  en: ['Request', 'Subject', 'Status', 'Criticality'],
};

/** The ticket's key facts, as a block every ticket mail shows. */
export function ticketFacts(ticket: TicketView, language: Language): Block {
  const [request, subject, status, criticality] = factLabels[language];
  return {
    kind: 'facts',
    rows: [
      [request, ticket.key],
      [subject, ticket.subject],
      [status, label(statusLabels, ticket.status, language)],
      [criticality, label(criticalityLabels, ticket.criticality, language)],
    ],
  };
}

const openLabels: Record<Language, string> = {
  fr: 'Voir la demande',
  de: 'Anfrage ansehen',
  en: 'View the request',
};

export function ticketAction(ticket: TicketView, language: Language): Block {
  return { kind: 'action', label: openLabels[language], url: ticket.url };
}

const greetings: Record<Language, string> = { fr: 'Bonjour,', de: 'Guten Tag', en: 'Hello,' };

/** The usual shape of a ticket mail: greeting, what happened, the ticket's facts, a link to it. */
export function ticketBody(ticket: TicketView, language: Language, blocks: Block[]): Block[] {
  return [
    { kind: 'p', text: greetings[language] },
    ...blocks,
    ticketFacts(ticket, language),
    ticketAction(ticket, language),
  ];
}

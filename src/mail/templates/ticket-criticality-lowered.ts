import { z } from 'zod';
import { ticketSubject } from './format';
import { criticalityLabels, label } from './labels';
import { sampleTicket, ticketBody, ticketViewSchema } from './ticket-view';
import { defineTemplate } from './types';

/** R5: lowering the criticality always tells the customer, with the reason. */
export default defineTemplate({
  name: 'ticket.criticality_lowered',
  audience: 'ticket',
  footer: 'reply',
  params: z.object({ ticket: ticketViewSchema, from: z.string(), to: z.string(), reason: z.string() }),
  sample: {
    ticket: sampleTicket,
    from: 'critique',
    to: 'haute',
    reason: 'Un contournement existe : saisie manuelle <temporaire>.',
  },
  fr: {
    subject: (p) => ticketSubject(p.ticket, 'criticité abaissée'),
    body: (p) =>
      ticketBody(p.ticket, 'fr', [
        {
          kind: 'p',
          text: `En qualifiant votre demande ${p.ticket.key}, notre équipe a abaissé sa criticité de « ${label(criticalityLabels, p.from, 'fr')} » à « ${label(criticalityLabels, p.to, 'fr')} », pour la raison suivante :`,
        },
        { kind: 'quote', text: p.reason },
        {
          kind: 'p',
          text: "Si cette appréciation ne correspond pas à votre situation, répondez à ce message en expliquant l'impact pour votre activité.",
        },
      ]),
  },
  de: {
    subject: (p) => ticketSubject(p.ticket, 'Kritikalität herabgesetzt'),
    body: (p) =>
      ticketBody(p.ticket, 'de', [
        {
          kind: 'p',
          text: `Bei der Qualifizierung Ihrer Anfrage ${p.ticket.key} hat unser Team die Kritikalität von «${label(criticalityLabels, p.from, 'de')}» auf «${label(criticalityLabels, p.to, 'de')}» herabgesetzt, aus folgendem Grund:`,
        },
        { kind: 'quote', text: p.reason },
        {
          kind: 'p',
          text: 'Falls diese Einschätzung nicht Ihrer Lage entspricht, antworten Sie auf diese Nachricht und erklären Sie die Auswirkungen auf Ihren Betrieb.',
        },
      ]),
  },
  en: {
    subject: (p) => ticketSubject(p.ticket, 'criticality lowered'),
    body: (p) =>
      ticketBody(p.ticket, 'en', [
        {
          kind: 'p',
          text: `While qualifying your request ${p.ticket.key}, our team lowered its criticality from “${label(criticalityLabels, p.from, 'en')}” to “${label(criticalityLabels, p.to, 'en')}”, for this reason:`,
        },
        { kind: 'quote', text: p.reason },
        {
          kind: 'p',
          text: 'If this does not match your situation, answer this message and explain the impact on your business.',
        },
      ]),
  },
});

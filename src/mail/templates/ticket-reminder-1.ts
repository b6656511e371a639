import { z } from 'zod';
import { formatDateTime } from '../../i18n/format';
import { ticketSubject } from './format';
import { sampleTicket, ticketBody, ticketViewSchema } from './ticket-view';
import { defineTemplate } from './types';

/** R9: first reminder while the ticket waits on the customer; dropped once they have answered. */
export default defineTemplate({
  name: 'ticket.reminder_1',
  audience: 'ticket',
  footer: 'reply',
  autoSubmitted: 'auto-generated',
  params: z.object({ ticket: ticketViewSchema, closeAt: z.string() }),
  sample: { ticket: sampleTicket, closeAt: '2026-03-22T09:00:00.000Z' },
  stillApplies: (p) => p.ticket.status === 'waiting_customer',
  fr: {
    subject: (p) => ticketSubject(p.ticket, 'nous attendons votre réponse'),
    body: (p) =>
      ticketBody(p.ticket, 'fr', [
        {
          kind: 'p',
          text: `Pour avancer sur votre demande ${p.ticket.key}, nous attendons votre réponse. Vous pouvez répondre à ce message ou dans le portail.`,
        },
        {
          kind: 'p',
          text: `Sans réponse de votre part, la demande sera fermée automatiquement le ${formatDateTime(p.closeAt, 'fr')}.`,
        },
      ]),
  },
  de: {
    subject: (p) => ticketSubject(p.ticket, 'wir warten auf Ihre Antwort'),
    body: (p) =>
      ticketBody(p.ticket, 'de', [
        {
          kind: 'p',
          text: `Um mit Ihrer Anfrage ${p.ticket.key} weiterzukommen, warten wir auf Ihre Antwort. Sie können auf diese Nachricht oder im Portal antworten.`,
        },
        {
          kind: 'p',
          text: `Ohne Antwort Ihrerseits wird die Anfrage am ${formatDateTime(p.closeAt, 'de')} automatisch geschlossen.`,
        },
      ]),
  },
  en: {
    subject: (p) => ticketSubject(p.ticket, 'we are waiting for your answer'),
    body: (p) =>
      ticketBody(p.ticket, 'en', [
        {
          kind: 'p',
          text: `To move on with your request ${p.ticket.key}, we need your answer. You can reply to this message or in the portal.`,
        },
        {
          kind: 'p',
          text: `Without an answer from you, the request will be closed automatically on ${formatDateTime(p.closeAt, 'en')}.`,
        },
      ]),
  },
});

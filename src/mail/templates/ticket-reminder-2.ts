import { z } from 'zod';
import { formatDateTime } from '../../i18n/format';
import { ticketSubject } from './format';
import { sampleTicket, ticketBody, ticketViewSchema } from './ticket-view';
import { defineTemplate } from './types';

/** R9: second and last reminder before the automatic closing; dropped once the customer answered. */
export default defineTemplate({
  name: 'ticket.reminder_2',
  audience: 'ticket',
  footer: 'reply',
  autoSubmitted: 'auto-generated',
  params: z.object({ ticket: ticketViewSchema, closeAt: z.string() }),
  sample: { ticket: sampleTicket, closeAt: '2026-03-22T09:00:00.000Z' },
  stillApplies: (p) => p.ticket.status === 'waiting_customer',
  fr: {
    subject: (p) => ticketSubject(p.ticket, 'dernier rappel avant fermeture'),
    body: (p) =>
      ticketBody(p.ticket, 'fr', [
        {
          kind: 'p',
          text: `Nous attendons toujours votre réponse sur la demande ${p.ticket.key}. Ceci est le dernier rappel.`,
        },
        {
          kind: 'p',
          text: `Sans réponse de votre part, la demande sera fermée automatiquement le ${formatDateTime(p.closeAt, 'fr')}. Une fois fermée, il faudra ouvrir une nouvelle demande.`,
        },
      ]),
  },
  de: {
    subject: (p) => ticketSubject(p.ticket, 'letzte Erinnerung vor der Schliessung'),
    body: (p) =>
      ticketBody(p.ticket, 'de', [
        {
          kind: 'p',
          text: `Wir warten immer noch auf Ihre Antwort zur Anfrage ${p.ticket.key}. Dies ist die letzte Erinnerung.`,
        },
        {
          kind: 'p',
          text: `Ohne Antwort Ihrerseits wird die Anfrage am ${formatDateTime(p.closeAt, 'de')} automatisch geschlossen. Danach muss eine neue Anfrage eröffnet werden.`,
        },
      ]),
  },
  en: {
    subject: (p) => ticketSubject(p.ticket, 'last reminder before closing'),
    body: (p) =>
      ticketBody(p.ticket, 'en', [
        {
          kind: 'p',
          text: `We are still waiting for your answer on request ${p.ticket.key}. This is the last reminder.`,
        },
        {
          kind: 'p',
          text: `Without an answer from you, the request will be closed automatically on ${formatDateTime(p.closeAt, 'en')}. Once closed, a new request will have to be opened.`,
        },
      ]),
  },
});

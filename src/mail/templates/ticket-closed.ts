import { z } from 'zod';
import { ticketSubject } from './format';
import { closeReasonLabels, label } from './labels';
import { sampleTicket, ticketBody, ticketViewSchema } from './ticket-view';
import { defineTemplate } from './types';

/** R6, R9: the ticket is closed, with its reason. */
export default defineTemplate({
  name: 'ticket.closed',
  audience: 'ticket',
  autoSubmitted: 'auto-generated',
  params: z.object({ ticket: ticketViewSchema, reason: z.string() }),
  sample: { ticket: { ...sampleTicket, status: 'closed' }, reason: 'no_answer' },
  stillApplies: (p) => p.ticket.status === 'closed',
  fr: {
    subject: (p) => ticketSubject(p.ticket, 'demande fermée'),
    body: (p) =>
      ticketBody(p.ticket, 'fr', [
        {
          kind: 'p',
          text: `Votre demande ${p.ticket.key} est fermée. Motif : ${label(closeReasonLabels, p.reason, 'fr')}.`,
        },
        {
          kind: 'p',
          text: 'Une demande fermée ne peut plus recevoir de réponse ; si le problème persiste, ouvrez une nouvelle demande depuis le portail.',
        },
      ]),
  },
  de: {
    subject: (p) => ticketSubject(p.ticket, 'Anfrage geschlossen'),
    body: (p) =>
      ticketBody(p.ticket, 'de', [
        {
          kind: 'p',
          text: `Ihre Anfrage ${p.ticket.key} ist geschlossen. Grund: ${label(closeReasonLabels, p.reason, 'de')}.`,
        },
        {
          kind: 'p',
          text: 'Auf eine geschlossene Anfrage kann nicht mehr geantwortet werden; besteht das Problem weiter, eröffnen Sie im Portal eine neue Anfrage.',
        },
      ]),
  },
  en: {
    subject: (p) => ticketSubject(p.ticket, 'request closed'),
    body: (p) =>
      ticketBody(p.ticket, 'en', [
        {
          kind: 'p',
          text: `Your request ${p.ticket.key} is closed. Reason: ${label(closeReasonLabels, p.reason, 'en')}.`,
        },
        {
          kind: 'p',
          text: 'A closed request can no longer be answered; if the problem persists, open a new request in the portal.',
        },
      ]),
  },
});

import { z } from 'zod';
import { ticketSubject } from './format';
import { sampleTicket, ticketBody, ticketViewSchema } from './ticket-view';
import { defineTemplate } from './types';

/** R11: the receipt of a new ticket, to its creator. */
export default defineTemplate({
  name: 'ticket.received',
  audience: 'ticket',
  footer: 'reply',
  autoSubmitted: 'auto-generated',
  params: z.object({ ticket: ticketViewSchema }),
  sample: { ticket: sampleTicket },
  fr: {
    subject: (p) => ticketSubject(p.ticket, 'demande reçue'),
    body: (p) =>
      ticketBody(p.ticket, 'fr', [
        {
          kind: 'p',
          text: `Nous avons bien reçu votre demande ${p.ticket.key}. Notre équipe va la qualifier puis la prendre en charge ; vous serez informé par e-mail de chaque étape.`,
        },
      ]),
  },
  de: {
    subject: (p) => ticketSubject(p.ticket, 'Anfrage erhalten'),
    body: (p) =>
      ticketBody(p.ticket, 'de', [
        {
          kind: 'p',
          text: `Wir haben Ihre Anfrage ${p.ticket.key} erhalten. Unser Team wird sie qualifizieren und übernehmen; Sie werden über jeden Schritt per E-Mail informiert.`,
        },
      ]),
  },
  en: {
    subject: (p) => ticketSubject(p.ticket, 'request received'),
    body: (p) =>
      ticketBody(p.ticket, 'en', [
        {
          kind: 'p',
          text: `We have received your request ${p.ticket.key}. Our team will qualify it and take it in charge; you will be told of each step by e-mail.`,
        },
      ]),
  },
});

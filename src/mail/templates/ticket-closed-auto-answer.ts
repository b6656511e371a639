import { z } from 'zod';
import { ticketSubject } from './format';
import { newRequestUrl, sampleTicket, type TicketView, ticketBody, ticketViewSchema } from './ticket-view';
import { defineTemplate } from './types';

const newTicketUrl = (p: { ticket: TicketView }) => newRequestUrl(p.ticket);

/**
 * R10: the automatic answer to a reply sent to a closed ticket: it was not added, a new ticket is
 * needed (the link opens one linked to the old). Marked `auto-replied` so no auto-responder answers.
 */
export default defineTemplate({
  name: 'ticket.closed_auto_answer',
  audience: 'ticket',
  footer: 'closed',
  autoSubmitted: 'auto-replied',
  params: z.object({ ticket: ticketViewSchema }),
  sample: { ticket: { ...sampleTicket, status: 'closed' } },
  fr: {
    subject: (p) => ticketSubject(p.ticket, 'demande fermée, votre message n’a pas été ajouté'),
    body: (p) =>
      ticketBody(p.ticket, 'fr', [
        {
          kind: 'p',
          text: `Votre message concerne la demande ${p.ticket.key}, qui est fermée. Il n'a pas été ajouté à la demande et n'a été transmis à personne.`,
        },
        {
          kind: 'p',
          text: 'Pour poursuivre, ouvrez une nouvelle demande : elle sera liée à l’ancienne.',
        },
        { kind: 'action', label: 'Ouvrir une nouvelle demande', url: newTicketUrl(p) },
      ]),
  },
  de: {
    subject: (p) => ticketSubject(p.ticket, 'Anfrage geschlossen, Ihre Nachricht wurde nicht hinzugefügt'),
    body: (p) =>
      ticketBody(p.ticket, 'de', [
        {
          kind: 'p',
          text: `Ihre Nachricht betrifft die Anfrage ${p.ticket.key}, die geschlossen ist. Sie wurde der Anfrage nicht hinzugefügt und an niemanden weitergeleitet.`,
        },
        {
          kind: 'p',
          text: 'Um fortzufahren, eröffnen Sie eine neue Anfrage: Sie wird mit der alten verknüpft.',
        },
        { kind: 'action', label: 'Neue Anfrage eröffnen', url: newTicketUrl(p) },
      ]),
  },
  en: {
    subject: (p) => ticketSubject(p.ticket, 'request closed, your message was not added'),
    body: (p) =>
      ticketBody(p.ticket, 'en', [
        {
          kind: 'p',
          text: `Your message is about request ${p.ticket.key}, which is closed. It was not added to the request and was passed on to no one.`,
        },
        {
          kind: 'p',
          text: 'To go on, open a new request: it will be linked to the old one.',
        },
        { kind: 'action', label: 'Open a new request', url: newTicketUrl(p) },
      ]),
  },
});

import { z } from 'zod';
import { ticketSubject } from './format';
import { sampleTicket, ticketBody, ticketViewSchema } from './ticket-view';
import { defineTemplate } from './types';

/**
 * R11: a public answer of Customer Services, quoted in full. Queued with `messageId`; the renderer
 * adds the message's `body` and `authorName` when the mail is sent.
 */
export default defineTemplate({
  name: 'ticket.public_answer',
  audience: 'ticket',
  footer: 'reply',
  params: z.object({
    ticket: ticketViewSchema,
    messageId: z.string().nullish(),
    body: z.string(),
    authorName: z.string().nullish(),
  }),
  sample: {
    ticket: sampleTicket,
    body: 'Bonjour,\nVeuillez relancer le <job> & nous dire si "ça" passe.',
    authorName: 'Anne Agent',
  },
  fr: {
    subject: (p) => ticketSubject(p.ticket, 'nouvelle réponse'),
    body: (p) =>
      ticketBody(p.ticket, 'fr', [
        {
          kind: 'p',
          text: p.authorName
            ? `${p.authorName} a répondu à votre demande ${p.ticket.key} :`
            : `Le support a répondu à votre demande ${p.ticket.key} :`,
        },
        { kind: 'quote', text: p.body },
      ]),
  },
  de: {
    subject: (p) => ticketSubject(p.ticket, 'neue Antwort'),
    body: (p) =>
      ticketBody(p.ticket, 'de', [
        {
          kind: 'p',
          text: p.authorName
            ? `${p.authorName} hat auf Ihre Anfrage ${p.ticket.key} geantwortet:`
            : `Der Support hat auf Ihre Anfrage ${p.ticket.key} geantwortet:`,
        },
        { kind: 'quote', text: p.body },
      ]),
  },
  en: {
    subject: (p) => ticketSubject(p.ticket, 'new answer'),
    body: (p) =>
      ticketBody(p.ticket, 'en', [
        {
          kind: 'p',
          text: p.authorName
            ? `${p.authorName} answered your request ${p.ticket.key}:`
            : `Support answered your request ${p.ticket.key}:`,
        },
        { kind: 'quote', text: p.body },
      ]),
  },
});

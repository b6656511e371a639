import { z } from 'zod';
import { MESSAGE_FORMATS } from '../../domain/tickets/index';
import { ticketSubject } from './format';
import { sampleTicket, ticketBody, ticketViewSchema } from './ticket-view';
import { type Block, defineTemplate } from './types';

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
    /** Mails queued before Markdown carry no format: their body is plain text. */
    format: z.enum(MESSAGE_FORMATS).nullish(),
    authorName: z.string().nullish(),
  }),
  sample: {
    ticket: sampleTicket,
    body: 'Bonjour,\n\n- relancez le <job> & dites-nous si "ça" passe ;\n- lisez [le guide](https://example.org/guide).',
    format: 'markdown',
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
        answer(p),
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
        answer(p),
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
        answer(p),
      ]),
  },
});

function answer(p: {
  ticket: { portalUrl: string };
  body: string;
  format?: 'plain' | 'markdown' | null;
}): Block {
  return {
    kind: 'message',
    body: p.body,
    format: p.format ?? 'plain',
    origin: new URL(p.ticket.portalUrl).origin,
  };
}

import { z } from 'zod';
import { ticketSubject } from './format';
import { closeReasonLabels, label, statusLabels } from './labels';
import { surveyBlocks } from './survey-link';
import { sampleTicket, ticketBody, ticketViewSchema } from './ticket-view';
import { defineTemplate } from './types';

/**
 * R11: the status changed. Dropped when the ticket has moved on since (a later mail tells the
 * newer status), so a quick series of changes does not become a series of mails.
 */
export default defineTemplate({
  name: 'ticket.status_changed',
  audience: 'ticket',
  footer: 'reply',
  autoSubmitted: 'auto-generated',
  params: z.object({
    ticket: ticketViewSchema,
    /** The satisfaction survey's token, in the mail to the customer who opened the ticket. */
    surveyToken: z.string().optional(),
    from: z.string(),
    to: z.string(),
    closeReason: z.string().nullish(),
  }),
  sample: { ticket: sampleTicket, from: 'in_progress', to: 'waiting_customer', closeReason: null },
  stillApplies: (p) => p.ticket.status === p.to,
  fr: {
    subject: (p) => ticketSubject(p.ticket, `statut : ${label(statusLabels, p.to, 'fr')}`),
    body: (p) =>
      ticketBody(p.ticket, 'fr', [
        {
          kind: 'p',
          text: `Le statut de votre demande ${p.ticket.key} est passé de « ${label(statusLabels, p.from, 'fr')} » à « ${label(statusLabels, p.to, 'fr')} ».`,
        },
        ...(p.closeReason
          ? [{ kind: 'p' as const, text: `Motif : ${label(closeReasonLabels, p.closeReason, 'fr')}.` }]
          : []),
        ...surveyBlocks(p.ticket, p.surveyToken, 'fr'),
      ]),
  },
  de: {
    subject: (p) => ticketSubject(p.ticket, `Status: ${label(statusLabels, p.to, 'de')}`),
    body: (p) =>
      ticketBody(p.ticket, 'de', [
        {
          kind: 'p',
          text: `Der Status Ihrer Anfrage ${p.ticket.key} hat von «${label(statusLabels, p.from, 'de')}» zu «${label(statusLabels, p.to, 'de')}» gewechselt.`,
        },
        ...(p.closeReason
          ? [{ kind: 'p' as const, text: `Grund: ${label(closeReasonLabels, p.closeReason, 'de')}.` }]
          : []),
        ...surveyBlocks(p.ticket, p.surveyToken, 'de'),
      ]),
  },
  en: {
    subject: (p) => ticketSubject(p.ticket, `status: ${label(statusLabels, p.to, 'en')}`),
    body: (p) =>
      ticketBody(p.ticket, 'en', [
        {
          kind: 'p',
          text: `The status of your request ${p.ticket.key} changed from “${label(statusLabels, p.from, 'en')}” to “${label(statusLabels, p.to, 'en')}”.`,
        },
        ...(p.closeReason
          ? [{ kind: 'p' as const, text: `Reason: ${label(closeReasonLabels, p.closeReason, 'en')}.` }]
          : []),
        ...surveyBlocks(p.ticket, p.surveyToken, 'en'),
      ]),
  },
});

import { z } from 'zod';
import { formatDateTime } from '../../i18n/format';
import { ticketSubject } from './format';
import { label, slaTargetLabels } from './labels';
import { sampleTicket, ticketBody, ticketViewSchema } from './ticket-view';
import { defineTemplate } from './types';

/** R7, to staff: 75 % of an SLA target is used. Dropped when the ticket was closed meanwhile. */
export default defineTemplate({
  name: 'sla.at_risk',
  audience: 'staff',
  footer: 'automatic',
  autoSubmitted: 'auto-generated',
  params: z.object({
    ticket: ticketViewSchema,
    target: z.enum(['engagement', 'resolution']),
    dueAt: z.string(),
  }),
  sample: {
    ticket: { ...sampleTicket, status: 'in_progress' },
    target: 'engagement',
    dueAt: '2026-03-02T13:00:00.000Z',
  },
  stillApplies: (p) => p.ticket.status !== 'closed',
  fr: {
    subject: (p) =>
      ticketSubject(p.ticket, `SLA à risque (${label(slaTargetLabels, p.target, 'fr').toLowerCase()})`),
    body: (p) =>
      ticketBody(p.ticket, 'fr', [
        {
          kind: 'p',
          text: `L'objectif SLA « ${label(slaTargetLabels, p.target, 'fr')} » de la demande ${p.ticket.key} est utilisé à 75 %. Échéance : ${formatDateTime(p.dueAt, 'fr')}.`,
        },
      ]),
  },
  de: {
    subject: (p) => ticketSubject(p.ticket, `SLA gefährdet (${label(slaTargetLabels, p.target, 'de')})`),
    body: (p) =>
      ticketBody(p.ticket, 'de', [
        {
          kind: 'p',
          text: `Das SLA-Ziel «${label(slaTargetLabels, p.target, 'de')}» der Anfrage ${p.ticket.key} ist zu 75 % verbraucht. Fällig: ${formatDateTime(p.dueAt, 'de')}.`,
        },
      ]),
  },
  en: {
    subject: (p) =>
      ticketSubject(p.ticket, `SLA at risk (${label(slaTargetLabels, p.target, 'en').toLowerCase()})`),
    body: (p) =>
      ticketBody(p.ticket, 'en', [
        {
          kind: 'p',
          text: `75 % of the “${label(slaTargetLabels, p.target, 'en')}” SLA target of request ${p.ticket.key} is used. Due: ${formatDateTime(p.dueAt, 'en')}.`,
        },
      ]),
  },
});

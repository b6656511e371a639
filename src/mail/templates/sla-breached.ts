import { z } from 'zod';
import { formatDateTime } from '../../i18n/format';
import { ticketSubject } from './format';
import { label, slaTargetLabels } from './labels';
import { sampleTicket, ticketBody, ticketViewSchema } from './ticket-view';
import { defineTemplate } from './types';

/** R7, to staff: an SLA target is breached. Dropped when the ticket was closed meanwhile. */
export default defineTemplate({
  name: 'sla.breached',
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
    target: 'resolution',
    dueAt: '2026-03-04T16:00:00.000Z',
  },
  stillApplies: (p) => p.ticket.status !== 'closed',
  fr: {
    subject: (p) =>
      ticketSubject(p.ticket, `SLA dépassé (${label(slaTargetLabels, p.target, 'fr').toLowerCase()})`),
    body: (p) =>
      ticketBody(p.ticket, 'fr', [
        {
          kind: 'p',
          text: `L'objectif SLA « ${label(slaTargetLabels, p.target, 'fr')} » de la demande ${p.ticket.key} est dépassé depuis le ${formatDateTime(p.dueAt, 'fr')}.`,
        },
      ]),
  },
  de: {
    subject: (p) => ticketSubject(p.ticket, `SLA überschritten (${label(slaTargetLabels, p.target, 'de')})`),
    body: (p) =>
      ticketBody(p.ticket, 'de', [
        {
          kind: 'p',
          text: `Das SLA-Ziel «${label(slaTargetLabels, p.target, 'de')}» der Anfrage ${p.ticket.key} ist seit ${formatDateTime(p.dueAt, 'de')} überschritten.`,
        },
      ]),
  },
  en: {
    subject: (p) =>
      ticketSubject(p.ticket, `SLA breached (${label(slaTargetLabels, p.target, 'en').toLowerCase()})`),
    body: (p) =>
      ticketBody(p.ticket, 'en', [
        {
          kind: 'p',
          text: `The “${label(slaTargetLabels, p.target, 'en')}” SLA target of request ${p.ticket.key} has been breached since ${formatDateTime(p.dueAt, 'en')}.`,
        },
      ]),
  },
});

import { z } from 'zod';
import { formatInstant, ticketSubject } from './format';
import { closeReasonLabels, label } from './labels';
import { sampleTicket, ticketBody, ticketViewSchema } from './ticket-view';
import { type Block, defineTemplate, type Language } from './types';

/** R6, R9: the ticket is closed, with its reason. */
export default defineTemplate({
  name: 'ticket.closed',
  audience: 'ticket',
  autoSubmitted: 'auto-generated',
  params: z.object({
    ticket: ticketViewSchema,
    reason: z.string(),
    /** R9: when the reminders before an automatic closing were sent. */
    remindersSentAt: z.array(z.string()).optional(),
  }),
  sample: {
    ticket: { ...sampleTicket, status: 'closed' },
    reason: 'no_answer',
    remindersSentAt: ['2026-03-12T09:00:00.000Z', '2026-03-17T09:00:00.000Z'],
  },
  stillApplies: (p) => p.ticket.status === 'closed',
  fr: {
    subject: (p) => ticketSubject(p.ticket, 'demande fermée'),
    body: (p) =>
      ticketBody(p.ticket, 'fr', [
        {
          kind: 'p',
          text: `Votre demande ${p.ticket.key} est fermée. Motif : ${label(closeReasonLabels, p.reason, 'fr')}.`,
        },
        ...remindersBlock(p.remindersSentAt, 'fr'),
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
        ...remindersBlock(p.remindersSentAt, 'de'),
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
        ...remindersBlock(p.remindersSentAt, 'en'),
        {
          kind: 'p',
          text: 'A closed request can no longer be answered; if the problem persists, open a new request in the portal.',
        },
      ]),
  },
});

const remindersText: Record<Language, (dates: string[]) => string> = {
  fr: (d) =>
    d.length === 1
      ? `Un rappel vous a été envoyé le ${d[0]}.`
      : `Des rappels vous ont été envoyés le ${d.slice(0, -1).join(', le ')} et le ${d.at(-1)}.`,
  de: (d) =>
    d.length === 1
      ? `Eine Erinnerung wurde Ihnen am ${d[0]} gesendet.`
      : `Erinnerungen wurden Ihnen am ${d.slice(0, -1).join(', am ')} und am ${d.at(-1)} gesendet.`,
  en: (d) =>
    d.length === 1
      ? `A reminder was sent to you on ${d[0]}.`
      : `Reminders were sent to you on ${d.slice(0, -1).join(', on ')} and on ${d.at(-1)}.`,
};

/** R9: the automatic closing says when the customer was reminded. */
function remindersBlock(sentAt: string[] | undefined, language: Language): Block[] {
  if (!sentAt?.length) return [];
  return [{ kind: 'p', text: remindersText[language](sentAt.map((at) => formatInstant(at, language))) }];
}

import { z } from 'zod';
import { formatDateTime } from '../../i18n/format';
import { ticketSubject } from './format';
import { closeReasonLabels, label } from './labels';
import { surveyBlocks } from './survey-link';
import { newRequestUrl, sampleTicket, ticketBody, ticketViewSchema } from './ticket-view';
import { type Block, defineTemplate, type Language } from './types';

/** R6, R9: the ticket is closed, with its reason. */
export default defineTemplate({
  name: 'ticket.closed',
  audience: 'ticket',
  footer: 'closed',
  autoSubmitted: 'auto-generated',
  params: z.object({
    ticket: ticketViewSchema,
    /** The satisfaction survey's token, in the mail to the customer who opened the ticket. */
    surveyToken: z.string().optional(),
    reason: z.string(),
    /** R9: when the reminders before an automatic closing were sent. */
    remindersSentAt: z.array(z.string()).optional(),
  }),
  sample: {
    ticket: { ...sampleTicket, status: 'closed' },
    reason: 'no_answer',
    surveyToken: 'sample-survey-token',
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
        ...surveyBlocks(p.ticket, p.surveyToken, 'fr'),
        {
          kind: 'p',
          text: 'Une demande fermée ne reçoit plus de réponse. Si le problème persiste ou revient, ouvrez une nouvelle demande : elle sera liée à celle-ci.',
        },
        { kind: 'action', label: 'Ouvrir une nouvelle demande', url: newRequestUrl(p.ticket) },
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
        ...surveyBlocks(p.ticket, p.surveyToken, 'de'),
        {
          kind: 'p',
          text: 'Auf eine geschlossene Anfrage kann nicht mehr geantwortet werden. Besteht das Problem weiter oder tritt es wieder auf, eröffnen Sie bitte eine neue Anfrage: Sie wird mit dieser verknüpft.',
        },
        { kind: 'action', label: 'Neue Anfrage eröffnen', url: newRequestUrl(p.ticket) },
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
        ...surveyBlocks(p.ticket, p.surveyToken, 'en'),
        {
          kind: 'p',
          text: 'A closed request takes no more answers. If the problem persists or comes back, please open a new request: it will be linked to this one.',
        },
        { kind: 'action', label: 'Open a new request', url: newRequestUrl(p.ticket) },
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
  return [{ kind: 'p', text: remindersText[language](sentAt.map((at) => formatDateTime(at, language))) }];
}

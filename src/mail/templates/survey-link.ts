import type { TicketView } from './ticket-view';
import type { Block, Language } from './types';

/** The survey page of a closed ticket, answered without signing in: the token is the key. */
export const surveyUrl = (ticket: Pick<TicketView, 'portalUrl'>, token: string) =>
  `${ticket.portalUrl}/survey/${encodeURIComponent(token)}`;

const texts: Record<Language, { ask: string; action: string }> = {
  fr: {
    ask: 'Êtes-vous satisfait du traitement de votre demande ? Votre avis, de 1 à 5, nous aide à nous améliorer.',
    action: 'Donner mon avis',
  },
  de: {
    ask: 'Wie zufrieden sind Sie mit der Bearbeitung Ihrer Anfrage? Ihre Bewertung von 1 bis 5 hilft uns, besser zu werden.',
    action: 'Bewertung abgeben',
  },
  en: {
    ask: 'How satisfied are you with the handling of your request? Your score, from 1 to 5, helps us improve.',
    action: 'Give my opinion',
  },
};

/** The closing mail's invitation to rate the ticket; nothing when the mail carries no survey. */
export function surveyBlocks(ticket: TicketView, token: string | undefined, language: Language): Block[] {
  if (!token) return [];
  return [
    { kind: 'p', text: texts[language].ask },
    { kind: 'action', label: texts[language].action, url: surveyUrl(ticket, token) },
  ];
}

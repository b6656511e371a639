import type { ErrorEntry } from './types';

/** Satisfaction surveys of closed tickets. */
export const surveysErrors = {
  survey_already_answered: {
    status: 409,
    message: {
      fr: 'Cette enquête de satisfaction a déjà reçu une réponse : une seule réponse est possible par demande.',
      de: 'Diese Zufriedenheitsumfrage wurde bereits beantwortet: Pro Anfrage ist nur eine Antwort möglich.',
      en: 'This satisfaction survey has already been answered: only one answer is possible per request.',
    },
  },
  survey_link_invalid: {
    status: 404,
    message: {
      fr: "Ce lien d'enquête de satisfaction n'est pas valable.",
      de: 'Dieser Link zur Zufriedenheitsumfrage ist ungültig.',
      en: 'This satisfaction survey link is not valid.',
    },
  },
  survey_score_invalid: {
    status: 400,
    message: {
      fr: 'Choisissez une note de 1 à 5.',
      de: 'Wählen Sie eine Bewertung von 1 bis 5.',
      en: 'Choose a score from 1 to 5.',
    },
  },
} satisfies Record<string, ErrorEntry>;

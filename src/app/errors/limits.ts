import type { ErrorEntry } from './types';

/** API rate limits (per person, per customer company). */
export const limitsErrors = {
  rate_limited_user: {
    status: 429,
    message: {
      fr: 'Vous avez envoyé trop de requêtes en peu de temps. Réessayez dans {retryAfterSeconds} secondes.',
      de: 'Sie haben in kurzer Zeit zu viele Anfragen gesendet. Versuchen Sie es in {retryAfterSeconds} Sekunden erneut.',
      en: 'You have sent too many requests in a short time. Try again in {retryAfterSeconds} seconds.',
    },
  },
  rate_limited_company: {
    status: 429,
    message: {
      fr: 'Votre société a envoyé trop de requêtes en peu de temps. Réessayez dans {retryAfterSeconds} secondes.',
      de: 'Ihre Firma hat in kurzer Zeit zu viele Anfragen gesendet. Versuchen Sie es in {retryAfterSeconds} Sekunden erneut.',
      en: 'Your company has sent too many requests in a short time. Try again in {retryAfterSeconds} seconds.',
    },
  },
} satisfies Record<string, ErrorEntry>;

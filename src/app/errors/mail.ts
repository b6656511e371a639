import type { ErrorEntry } from './types';

/** Outbound mail administration and auto-close settings. */
export const mailErrors = {
  mail_not_retryable: {
    status: 409,
    message: {
      fr: 'Seul un e-mail en échec ou écarté peut être renvoyé.',
      de: 'Nur eine fehlgeschlagene oder verworfene E-Mail kann erneut gesendet werden.',
      en: 'Only a failed or dropped e-mail can be sent again.',
    },
  },
  auto_close_delays_order: {
    status: 400,
    message: {
      fr: 'Les délais doivent se suivre : premier rappel, puis second rappel, puis fermeture.',
      de: 'Die Fristen müssen aufeinander folgen: erste Erinnerung, dann zweite Erinnerung, dann Schliessung.',
      en: 'The delays must follow each other: first reminder, then second reminder, then closing.',
    },
  },
} satisfies Record<string, ErrorEntry>;

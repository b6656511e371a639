import type { ErrorEntry } from './types';

/** Personal data: export, erasure and retention (GDPR). */
export const personalDataErrors = {
  erasure_confirmation_mismatch: {
    status: 400,
    message: {
      fr: 'Pour confirmer, saisissez exactement le nom de la personne.',
      de: 'Geben Sie zur Bestätigung genau den Namen der Person ein.',
      en: "To confirm, type the person's name exactly.",
    },
  },
  person_already_erased: {
    status: 409,
    message: {
      fr: 'Les données de cette personne ont déjà été effacées.',
      de: 'Die Daten dieser Person wurden bereits gelöscht.',
      en: "This person's data has already been erased.",
    },
  },
  cannot_erase_self: {
    status: 409,
    message: {
      fr: 'Vous ne pouvez pas effacer vos propres données.',
      de: 'Sie können Ihre eigenen Daten nicht löschen.',
      en: 'You cannot erase your own data.',
    },
  },
} satisfies Record<string, ErrorEntry>;

import type { ErrorEntry } from './types';

/** Staff console: saved views and the dashboard. */
export const consoleErrors = {
  view_limit_reached: {
    status: 409,
    message: {
      fr: 'Vous avez déjà {max} vues enregistrées : supprimez-en une avant d’en ajouter une autre.',
      de: 'Sie haben bereits {max} gespeicherte Ansichten: Löschen Sie eine, bevor Sie eine weitere hinzufügen.',
      en: 'You already have {max} saved views: delete one before adding another.',
    },
  },
} satisfies Record<string, ErrorEntry>;

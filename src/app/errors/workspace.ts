import type { ErrorEntry } from './types';

/** The agents' workspace: transfer to Consulting, bulk queue work, notifications and watchers. */
export const workspaceErrors = {
  transfer_note_required: {
    status: 400,
    message: {
      fr: 'Écrivez une note aux consultants : elle leur explique pourquoi la demande leur est transférée.',
      de: 'Schreiben Sie eine Notiz an die Consultants: Sie erklärt ihnen, warum die Anfrage an sie geht.',
      en: 'Write a note to the consultants: it tells them why the request comes to them.',
    },
  },
  bulk_too_many: {
    status: 400,
    message: {
      fr: 'Une action groupée porte sur {max} demandes au plus.',
      de: 'Eine Sammelaktion umfasst höchstens {max} Anfragen.',
      en: 'A bulk action covers at most {max} requests.',
    },
  },
  notification_not_found: {
    status: 404,
    message: {
      fr: 'Cette notification n’existe pas.',
      de: 'Diese Benachrichtigung gibt es nicht.',
      en: 'This notification does not exist.',
    },
  },
} satisfies Record<string, ErrorEntry>;

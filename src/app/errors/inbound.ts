import type { ErrorEntry } from './types';

export const inboundErrors = {
  inbound_already_decided: {
    status: 409,
    message: {
      fr: 'Ce courriel a déjà été traité.',
      de: 'Diese E-Mail wurde bereits bearbeitet.',
      en: 'This e-mail has already been handled.',
    },
  },
  inbound_mail_unreadable: {
    status: 400,
    message: {
      fr: "Ce contenu n'est pas un courriel lisible.",
      de: 'Dieser Inhalt ist keine lesbare E-Mail.',
      en: 'This content is not a readable e-mail.',
    },
  },
} satisfies Record<string, ErrorEntry>;

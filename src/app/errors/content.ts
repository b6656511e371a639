import type { ErrorEntry } from './types';

/** Escalation matrix and help articles. */
export const contentErrors = {
  help_article_slug_taken: {
    status: 409,
    message: {
      fr: 'Un article d’aide avec l’adresse « {slug} » existe déjà.',
      de: 'Ein Hilfeartikel mit der Adresse «{slug}» existiert bereits.',
      en: 'A help article with the address "{slug}" already exists.',
    },
  },
} satisfies Record<string, ErrorEntry>;

import type { Language, Translations } from './language';

/** How an erased account is named wherever the person acted (messages, timeline, lists). */
export const erasedPersonLabel: Translations = {
  fr: 'Utilisateur supprimé',
  de: 'Gelöschter Benutzer',
  en: 'Deleted user',
};

/** The name to show for an account: its own, or the "deleted user" label once it was erased. */
export const shownPersonName = (
  person: { name: string; erasedAt: Date | string | null },
  language: Language,
): string => (person.erasedAt ? erasedPersonLabel[language] : person.name);

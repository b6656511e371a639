export const languages = ['fr', 'de', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'fr';
export const languageCookie = 'guichet_lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The first of our languages among the browser's preferred tags (e.g. "de-CH" → "de"). */
export function languageFromBrowser(tags: readonly string[]): Language | undefined {
  return tags.map((tag) => tag.toLowerCase().split('-')[0]).find(isLanguage);
}

/**
 * Which language to speak: the signed-in user's preference, else the visitor's earlier choice
 * (cookie), else the browser's languages, else French.
 */
export function pickLanguage(input: {
  userLanguage?: string | null;
  cookie?: string | null;
  browser?: readonly string[];
}): Language {
  if (isLanguage(input.userLanguage)) return input.userLanguage;
  if (isLanguage(input.cookie)) return input.cookie;
  return languageFromBrowser(input.browser ?? []) ?? defaultLanguage;
}

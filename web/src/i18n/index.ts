import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ticketLabelTree } from '../../../src/i18n/ticket-labels';
import { readCookie } from '../api/client';
import { defaultLanguage, type Language, languageCookie, pickLanguage } from './language';

/** One file of texts per language, loaded on demand. */
export type LanguageFiles = Record<Language, () => Promise<{ default: Record<string, unknown> }>>;

// One language's texts travel with the first page, the reader's; another loads when chosen.
const bundles: LanguageFiles = {
  fr: () => import('./fr.json'),
  de: () => import('./de.json'),
  en: () => import('./en.json'),
};

// The namespaces of the areas loaded so far (portal, console, commitments), with their files.
const areas = new Map<string, LanguageFiles>();

/** Adds a language's texts (status, criticality and closing-reason words from the server's source). */
async function loadLanguage(language: Language): Promise<void> {
  await Promise.all([...areas].map(([namespace, files]) => loadNamespace(namespace, files, language)));
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const { default: texts } = await bundles[language]();
  i18next.addResourceBundle(language, 'translation', texts, true, false);
  i18next.addResourceBundle(language, 'labels', ticketLabelTree(language), true, false);
}

async function loadNamespace(namespace: string, files: LanguageFiles, language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, namespace)) return;
  const { default: texts } = await files[language]();
  i18next.addResourceBundle(language, namespace, texts, true, false);
}

/**
 * An area's texts, a namespace of their own: the reader's language loads with the area's first
 * page (its module awaits this), another language when the reader switches to it.
 */
export async function loadArea(namespace: string, files: LanguageFiles): Promise<void> {
  areas.set(namespace, files);
  await loadNamespace(namespace, files, pickLanguage({ userLanguage: i18next.language }));
}

/**
 * Starts i18next in the language known before the session is loaded: the one the server marked the
 * page with (it knows the signed-in person's preference, and preloads that language's texts), else
 * the visitor's cookie, then the browser's.
 */
export async function startI18n(): Promise<typeof i18next> {
  const lng = pickLanguage({
    userLanguage: document.documentElement.dataset.language,
    cookie: readCookie(languageCookie),
    browser: navigator.languages ?? [],
  });
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    // An area whose module loaded while the switch was under way has its texts fetched now;
    // its pages render again once they are added (bindI18nStore below).
    const switchedTo = pickLanguage({ userLanguage: language });
    for (const [namespace, files] of areas) void loadNamespace(namespace, files, switchedTo);
  });
  const { default: texts } = await bundles[lng]();
  await i18next.use(initReactI18next).init({
    resources: { [lng]: { translation: texts, labels: ticketLabelTree(lng) } },
    lng,
    fallbackLng: defaultLanguage,
    supportedLngs: ['fr', 'de', 'en'],
    interpolation: { escapeValue: false },
    react: { bindI18nStore: 'added' },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function applyLanguage(language: Language): void {
  if (i18next.language === language) return;
  void loadLanguage(language).then(() => i18next.changeLanguage(language));
}

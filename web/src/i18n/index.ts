import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ticketLabelTree } from '../../../src/i18n/ticket-labels';
import { readCookie } from '../api/client';
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import { defaultLanguage, type Language, languageCookie, pickLanguage } from './language';

/** Status, criticality and closing-reason words come from the server's one source (`labels:…`). */
export const resources = {
  fr: { translation: fr, labels: ticketLabelTree('fr') },
  de: { translation: de, labels: ticketLabelTree('de') },
  en: { translation: en, labels: ticketLabelTree('en') },
};

/** Starts i18next in the language known before the session is loaded (cookie, then browser). */
export async function startI18n(): Promise<typeof i18next> {
  const lng = pickLanguage({ cookie: readCookie(languageCookie), browser: navigator.languages ?? [] });
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: defaultLanguage,
    supportedLngs: ['fr', 'de', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export function applyLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

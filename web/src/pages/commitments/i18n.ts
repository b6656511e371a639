import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import de from '../../i18n/commitments.de.json';
import en from '../../i18n/commitments.en.json';
import fr from '../../i18n/commitments.fr.json';

/** The texts of our commitments, due-time explanations and SLA reports: a namespace of their own. */
export const commitmentsNamespace = 'commitments';

for (const [language, bundle] of Object.entries({ fr, de, en })) {
  if (!i18next.hasResourceBundle(language, commitmentsNamespace)) {
    i18next.addResourceBundle(language, commitmentsNamespace, bundle, true, false);
  }
}

const locales = { fr: 'fr-CH', de: 'de-CH', en: 'en-GB' } as const;

/** `ct('…')` for this namespace, and the formats its pages share (Zurich time, business durations). */
export function useCommitmentsT() {
  // Named ct, not t: its keys live in the commitments namespace, not in the main one.
  const { t: ct, i18n } = useTranslation(commitmentsNamespace);
  const language =
    (i18n.language as keyof typeof locales) in locales ? (i18n.language as keyof typeof locales) : 'fr';
  const locale = locales[language];
  const dateTime = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Zurich',
  });
  const date = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    ct,
    language,
    at: (iso: string) => dateTime.format(new Date(iso)),
    day: (isoDate: string) => date.format(new Date(`${isoDate}T12:00:00Z`)),
    /** "4 h ouvrées", "1 h 30 ouvrées", "45 min ouvrées". */
    business: (minutes: number) => {
      const sign = minutes < 0 ? '−' : '';
      const m = Math.abs(minutes);
      const text =
        m % 60 === 0
          ? ct('duration.hours', { count: m / 60 })
          : m < 60
            ? ct('duration.minutes', { count: m })
            : ct('duration.mixed', { hours: Math.floor(m / 60), minutes: String(m % 60).padStart(2, '0') });
      return `${sign}${text}`;
    },
    /** Wall-clock length, "2 j 3 h 30" style kept short: hours and minutes. */
    wall: (minutes: number) => `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`,
    clockTime: (minuteOfDay: number) =>
      `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`,
  };
}

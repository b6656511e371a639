import { useTranslation } from 'react-i18next';
import {
  formatBusinessDuration,
  formatClockTime,
  formatDateTimeWithWeekday,
  formatDay,
  formatDuration,
  formatLanguage,
} from '../../../../src/i18n/format';
import { loadArea } from '../../i18n/index';

/** The texts of our commitments, due-time explanations and SLA reports: a namespace of their own. */
export const commitmentsNamespace = 'commitments';

await loadArea(commitmentsNamespace, {
  fr: () => import('../../i18n/commitments.fr.json'),
  de: () => import('../../i18n/commitments.de.json'),
  en: () => import('../../i18n/commitments.en.json'),
});

/** `ct('…')` for this namespace, and the formats its pages share (Zurich time, business durations). */
export function useCommitmentsT() {
  // Named ct, not t: its keys live in the commitments namespace, not in the main one.
  const { t: ct, i18n } = useTranslation(commitmentsNamespace);
  const language = formatLanguage(i18n.language);
  return {
    ct,
    language,
    at: (iso: string) => formatDateTimeWithWeekday(iso, language),
    day: (isoDate: string) => formatDay(isoDate, language, { weekday: true, long: true }),
    /** "4 h ouvrées", "1 h 30 ouvrées", "45 min ouvrées". */
    business: (minutes: number) => formatBusinessDuration(minutes, language),
    /** Wall-clock length: hours and minutes. */
    wall: (minutes: number) => formatDuration(minutes, language),
    clockTime: formatClockTime,
  };
}

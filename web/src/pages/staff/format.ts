import i18next from 'i18next';
import {
  formatDuration,
  formatDate as formatZurichDate,
  formatDateTime as formatZurichDateTime,
  zurichDateOf,
} from '../../../../src/i18n/format';

/**
 * The console's pages format through src/i18n/format.ts, the one formatting module; these keep
 * the console's short names and default to the language on screen.
 */

export function formatMinutes(total: number, language: string = i18next.language): string {
  return formatDuration(total, language);
}

export function formatDateTime(iso: string | null, language: string = i18next.language): string {
  return formatZurichDateTime(iso, language);
}

export function formatDate(iso: string | null, language: string = i18next.language): string {
  return formatZurichDate(iso, language);
}

/** Today in Zurich as YYYY-MM-DD. */
export function zurichToday(now = new Date()): string {
  return zurichDateOf(now);
}

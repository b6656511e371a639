import { zurichDateOf } from '../../../../src/i18n/format';

/** The Zurich calendar month before the one `now` falls in, as YYYY-MM: the report opened by default. */
export function previousZurichMonth(now: Date): string {
  const [year, month] = zurichDateOf(now).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

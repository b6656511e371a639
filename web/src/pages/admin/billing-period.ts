import type { DateRange } from './DateRangeForm';

/**
 * The period a billing run usually covers: the calendar month before `today` ('YYYY-MM-DD',
 * Zurich), the one just finished.
 */
export function previousMonth(today: string): DateRange {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const startYear = month === 1 ? year - 1 : year;
  const startMonth = month === 1 ? 12 : month - 1;
  const lastDay = new Date(Date.UTC(startYear, startMonth, 0)).getUTCDate();
  const mm = String(startMonth).padStart(2, '0');
  return { from: `${startYear}-${mm}-01`, to: `${startYear}-${mm}-${String(lastDay).padStart(2, '0')}` };
}

/** From the first of the month of `today` to `today`. */
export function monthSoFar(today: string): DateRange {
  return { from: `${today.slice(0, 8)}01`, to: today };
}

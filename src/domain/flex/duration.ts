/**
 * Flex amounts are whole minutes everywhere (R12). People read them through formatDuration
 * (src/i18n/format.ts); these are the sums and conversions of bills and purchases.
 */

/** Minutes as decimal hours with two decimals, for spreadsheets: 90 → "1.50", 20 → "0.33". */
export function formatDecimalHours(minutes: number): string {
  assertWholeMinutes(minutes);
  const sign = minutes < 0 ? '-' : '';
  const magnitude = Math.abs(minutes);
  // Integer arithmetic in hundredths, rounded half up, so no float noise reaches a bill.
  const hundredths = Math.floor((magnitude * 100 + 30) / 60);
  const whole = Math.floor(hundredths / 100);
  return `${sign}${whole}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** Hours bought (whole or fractional, e.g. 7.5) → whole minutes; null when not a whole minute. */
export function minutesOfHours(hours: number): number | null {
  const minutes = Math.round(hours * 60);
  if (!Number.isFinite(hours) || Math.abs(minutes - hours * 60) > 1e-6) return null;
  return minutes;
}

/** The sum of signed movements, checked to stay within safe integers. */
export function sumMinutes(movements: readonly number[]): number {
  let total = 0;
  for (const minutes of movements) {
    assertWholeMinutes(minutes);
    total += minutes;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('Flex balance out of range');
  return total;
}

function assertWholeMinutes(minutes: number) {
  if (!Number.isSafeInteger(minutes)) throw new RangeError(`Not a whole number of minutes: ${minutes}`);
}

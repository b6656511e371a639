/** Dates and sizes as the reader writes them; dates in Zurich time, the desk's clock (R8). */

const locales: Record<string, string> = { fr: 'fr-CH', de: 'de-CH', en: 'en-GB' };
const localeOf = (language: string) => locales[language] ?? 'fr-CH';

export function formatInstant(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Zurich',
  }).format(new Date(iso));
}

/** Bytes in the reader's units and decimal separator (1,5 Mo, 1.5 MB, 12 kB). */
export function formatBytes(bytes: number, language: string): string {
  const locale = localeOf(language);
  if (bytes < 1024) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte' }).format(bytes);
  if (bytes < 1024 * 1024)
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'kilobyte',
      maximumFractionDigits: 0,
    }).format(bytes / 1024);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
    bytes / 1024 / 1024,
  );
}

/**
 * The one place where dates, times, durations, sizes and numbers become text, for the server's
 * mails and the web client alike (pure: Intl only, no I/O). Every instant is shown in Zurich time,
 * the desk's clock (R8), and every language has one Swiss locale, so a date reads the same on
 * every page and in every mail:
 *   fr → fr-CH  "1 déc. 2026, 20:56"   "1 h 30"         "1,5 Mo"   "12 345,5"
 *   de → de-CH  "1. Dez. 2026, 20:56"  "1 Std. 30 Min." "1.5 MB"   "12'345.5"
 *   en → en-GB  "1 Dec 2026, 20:56"    "1 h 30 min"     "1.5 MB"   "12,345.5"
 * A missing value is shown as an em dash, never as an empty cell or "Invalid Date".
 */

export type FormatLanguage = 'fr' | 'de' | 'en';

export const timeZone = 'Europe/Zurich';

const locales: Record<FormatLanguage, string> = { fr: 'fr-CH', de: 'de-CH', en: 'en-GB' };

/** "fr", "de-CH", "en-US" → our language; anything else reads as French, the main language. */
export function formatLanguage(language: string | undefined | null): FormatLanguage {
  const base = (language ?? '').toLowerCase().split('-')[0];
  return base === 'de' || base === 'en' ? base : 'fr';
}

/** The Intl locale of a language (for the few places that need one: sorting, calendars). */
export function localeOf(language: string | undefined | null): string {
  return locales[formatLanguage(language)];
}

export const missing = '—';

type Instant = Date | string | number;

const cache = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(language: string, name: string, options: Intl.DateTimeFormatOptions) {
  const lang = formatLanguage(language);
  const key = `${lang}:${name}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[lang], options);
    cache.set(key, format);
  }
  return format;
}

function toDate(value: Instant | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const dayOptions = { day: 'numeric', month: 'short', year: 'numeric' } as const;
const timeOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** An instant: "1 déc. 2026, 20:56" (Zurich time). */
export function formatDateTime(value: Instant | null | undefined, language: string): string {
  const date = toDate(value);
  if (!date) return missing;
  return dateTimeFormat(language, 'dateTime', { ...dayOptions, ...timeOptions, timeZone }).format(date);
}

/**
 * An instant with its weekday, for due times people plan around: "mar. 1 déc. 2026, 20:56";
 * `long` for a sentence: "mardi 1 décembre 2026 à 20:56".
 */
export function formatDateTimeWithWeekday(
  value: Instant | null | undefined,
  language: string,
  options: { long?: boolean } = {},
): string {
  const date = toDate(value);
  if (!date) return missing;
  const width = options.long ? 'long' : 'short';
  return dateTimeFormat(language, `dateTimeWeekday:${width}`, {
    weekday: width,
    day: 'numeric',
    month: width,
    year: 'numeric',
    ...timeOptions,
    timeZone,
  }).format(date);
}

/** The Zurich day of an instant: "1 déc. 2026". */
export function formatDate(value: Instant | null | undefined, language: string): string {
  const date = toDate(value);
  if (!date) return missing;
  return dateTimeFormat(language, 'date', { ...dayOptions, timeZone }).format(date);
}

/** The Zurich time of day of an instant: "20:56". */
export function formatTime(value: Instant | null | undefined, language: string): string {
  const date = toDate(value);
  if (!date) return missing;
  return dateTimeFormat(language, 'time', { ...timeOptions, timeZone }).format(date);
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day given as YYYY-MM-DD (no time zone to apply): "30 nov. 2026", or with its weekday. */
export function formatDay(
  isoDate: string | null | undefined,
  language: string,
  options: { weekday?: boolean; long?: boolean } = {},
): string {
  if (!isoDate || !isoDay.test(isoDate)) return isoDate ? isoDate : missing;
  const name = `day:${options.weekday ? 'w' : ''}${options.long ? 'l' : ''}`;
  return dateTimeFormat(language, name, {
    ...(options.weekday ? { weekday: options.long ? 'long' : 'short' } : {}),
    day: 'numeric',
    month: options.long ? 'long' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T12:00:00Z`));
}

const weekWords: Record<FormatLanguage, (day: string) => string> = {
  fr: (day) => `semaine du ${day}`,
  de: (day) => `Woche vom ${day}`,
  en: (day) => `week of ${day}`,
};

/** A week named by its first day (YYYY-MM-DD): "semaine du 30 nov. 2026". */
export function formatWeek(isoDate: string | null | undefined, language: string): string {
  if (!isoDate) return missing;
  return weekWords[formatLanguage(language)](formatDay(isoDate, language));
}

/** A month given as YYYY-MM (or a day in it): "décembre 2026", or "déc. 2026" where space is short. */
export function formatMonth(
  isoMonth: string | null | undefined,
  language: string,
  options: { short?: boolean } = {},
): string {
  const match = /^(\d{4})-(\d{2})/.exec(isoMonth ?? '');
  if (!match) return isoMonth ? isoMonth : missing;
  const month = options.short ? 'short' : 'long';
  return dateTimeFormat(language, `month:${month}`, { month, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${match[1]}-${match[2]}-15T12:00:00Z`),
  );
}

/** A minute of the day (0–1440) as a clock time: 480 → "08:00". */
export function formatClockTime(minuteOfDay: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

const durationWords: Record<FormatLanguage, (hours: number, minutes: number) => string> = {
  fr: (h, m) => (h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`),
  de: (h, m) => (h === 0 ? `${m} Min.` : m === 0 ? `${h} Std.` : `${h} Std. ${m} Min.`),
  en: (h, m) => (h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`),
};

/**
 * A length of time in whole minutes: 90 → "1 h 30" / "1 Std. 30 Min." / "1 h 30 min";
 * 2400 → "40 h" / "40 Std." / "40 h"; 45 → "45 min" / "45 Min."; a negative length (an
 * overdrawn balance) keeps its minus sign.
 */
export function formatDuration(minutes: number | null | undefined, language: string): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return missing;
  const whole = Math.round(minutes);
  const sign = whole < 0 ? '−' : '';
  const magnitude = Math.abs(whole);
  const hours = Math.floor(magnitude / 60);
  return `${sign}${durationWords[formatLanguage(language)](hours, magnitude % 60)}`;
}

const businessWords: Record<
  FormatLanguage,
  { hours: (h: number) => string; minutes: (m: number) => string; mixed: (h: number, m: number) => string }
> = {
  fr: {
    hours: (h) => `${h} h ${h === 1 ? 'ouvrée' : 'ouvrées'}`,
    minutes: (m) => `${m} min ${m === 1 ? 'ouvrée' : 'ouvrées'}`,
    mixed: (h, m) => `${h} h ${String(m).padStart(2, '0')} ouvrées`,
  },
  de: {
    hours: (h) => `${h} ${h === 1 ? 'Arbeitsstunde' : 'Arbeitsstunden'}`,
    minutes: (m) => `${m} ${m === 1 ? 'Arbeitsminute' : 'Arbeitsminuten'}`,
    mixed: (h, m) => `${h} Std. ${m} Min. Arbeitszeit`,
  },
  en: {
    hours: (h) => `${h} business ${h === 1 ? 'hour' : 'hours'}`,
    minutes: (m) => `${m} business ${m === 1 ? 'minute' : 'minutes'}`,
    mixed: (h, m) => `${h} h ${m} min business time`,
  },
};

/**
 * A length of business time (counted in the support's opening hours): 240 → "4 h ouvrées" /
 * "4 Arbeitsstunden" / "4 business hours"; 90 → "1 h 30 ouvrées"; 45 → "45 min ouvrées".
 */
export function formatBusinessDuration(minutes: number, language: string): string {
  const whole = Math.round(minutes);
  const sign = whole < 0 ? '−' : '';
  const magnitude = Math.abs(whole);
  const words = businessWords[formatLanguage(language)];
  const [hours, rest] = [Math.floor(magnitude / 60), magnitude % 60];
  const text = rest === 0 ? words.hours(hours) : hours === 0 ? words.minutes(rest) : words.mixed(hours, rest);
  return `${sign}${text}`;
}

/** A number with the reader's separators: "12 345,5" / "12'345.5" / "12,345.5". */
export function formatNumber(
  value: number | null | undefined,
  language: string,
  options: Intl.NumberFormatOptions = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return missing;
  return numberFormat(localeOf(language), options).format(value);
}

// Building a formatter costs far more than using one, and a list formats the same way on every row.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A percentage from a ratio: 0.953 → "95,3 %" / "95.3 %" / "95.3%". */
export function formatPercent(
  ratio: number | null | undefined,
  language: string,
  fractionDigits = 1,
): string {
  return formatNumber(ratio, language, { style: 'percent', maximumFractionDigits: fractionDigits });
}

/** A size in bytes in the reader's units: "12 octets", "12 ko", "1,5 Mo" / "1.5 MB". */
export function formatBytes(bytes: number | null | undefined, language: string): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return missing;
  if (bytes < 1024)
    return formatNumber(bytes, language, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  if (bytes < 1024 * 1024)
    return formatNumber(bytes / 1024, language, {
      style: 'unit',
      unit: 'kilobyte',
      maximumFractionDigits: 0,
    });
  return formatNumber(bytes / 1024 / 1024, language, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  return format;
}

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How far an instant is from now, in the largest whole unit: "dans 3 jours", "vor 2 Stunden". */
export function formatRelative(value: Instant | null | undefined, now: Date, language: string): string {
  const date = toDate(value);
  if (!date) return missing;
  const difference = date.getTime() - now.getTime();
  const format = relativeFormat(localeOf(language));
  for (const [unit, size] of relativeUnits) {
    if (Math.abs(difference) >= size) return format.format(Math.round(difference / size), unit);
  }
  return format.format(0, 'minute');
}

const pluralRules = new Map<FormatLanguage, Intl.PluralRules>();

/**
 * A count with its noun in the right number, by the language's plural rules (French counts 0
 * and 1 as singular): plural(1, 'fr', { one: 'demande ouverte', other: 'demandes ouvertes' })
 * → "1 demande ouverte". For texts outside i18next (mails); the web client uses i18next's
 * `_one`/`_other` keys, which follow the same rules.
 */
export function plural(count: number, language: string, forms: { one: string; other: string }): string {
  const lang = formatLanguage(language);
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(locales[lang]);
    pluralRules.set(lang, rules);
  }
  return `${formatNumber(count, lang)} ${rules.select(count) === 'one' ? forms.one : forms.other}`;
}

/** The calendar day in Zurich at an instant, as YYYY-MM-DD: the calendar's one conversion. */
export { zurichDateOf } from '../domain/calendar/zurich-time';

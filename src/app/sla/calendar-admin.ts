/**
 * R8 configuration: the desk's business calendar (hours, holiday region, eves, extra closed days,
 * special hours). A change is validated, written to the administration audit trail, and moves
 * the due times of every open ticket.
 */
import {
  addDaysToIsoDate,
  addMonthsToIsoDate,
  type CalendarConfig,
  calendarConfigProblems,
  type IsoDate,
  WEEKDAYS,
  zurichDateOf,
  zurichInstant,
} from '../../domain/calendar/index';
import { formatClockTime } from '../../i18n/format';
import type { Language } from '../../i18n/language';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { changeSlaSetting } from './change-sla-setting';
import { CALENDAR_CONFIG_KEY, calendarFor, readCalendarSetting, type SettingState } from './config';
import type { SlaChangeResult } from './sla-targets-admin';

export async function getCalendarConfig(
  ctx: AppContext,
  actor: Actor,
): Promise<SettingState<CalendarConfig>> {
  authorize(policy.workAsStaff(actor));
  return readCalendarSetting(ctx.db);
}

/** Replaces the calendar (400 calendar_invalid listing the problems), then recomputes every open ticket. */
export async function updateCalendarConfig(
  ctx: AppContext,
  actor: Actor,
  config: CalendarConfig,
): Promise<SettingState<CalendarConfig> & SlaChangeResult> {
  authorize(policy.administer(actor));
  const problems = calendarConfigProblems(config);
  if (problems.length > 0) {
    const translated = problems.map((problem) => translateProblem(problem, actor.language));
    throw new AppError('calendar_invalid', { problems: translated.join(' ; ') }, { problems: translated });
  }
  const normalised = normalise(config);
  // Building it once here also proves it opens at some point in the next ten years.
  try {
    calendarFor(normalised).nextOpening(ctx.clock.now());
  } catch {
    throw new AppError('calendar_invalid', { problems: neverOpens[actor.language] });
  }
  return changeSlaSetting(ctx, actor, {
    key: CALENDAR_CONFIG_KEY,
    action: 'calendar.updated',
    value: normalised,
    read: readCalendarSetting,
  });
}

export interface ClosedDayItem {
  date: IsoDate;
  /** holiday: public holiday; extra: closed by the admin; eve: closes early; special_hours: other hours. */
  kind: 'holiday' | 'extra' | 'eve' | 'special_hours';
  /** Holiday name in the caller's language, the admin's label, or "Eve of …". */
  name: string | null;
  /** Local closing time on an eve, 'HH:mm'. */
  closesAt: string | null;
  /** Opening hours of a day with special hours, 'HH:mm' local. */
  hours: { start: string; end: string }[] | null;
}

export const MAX_CLOSED_DAYS_YEARS = 3;

/**
 * The days the desk is closed or closes early between two local dates (both included; default
 * the next twelve months): public holidays with their names in the caller's language, eves with
 * their early closing, extra closed days and days with special hours.
 */
export async function listClosedDays(
  ctx: AppContext,
  actor: Actor,
  input: { from?: IsoDate; to?: IsoDate; language: Language },
): Promise<{ from: IsoDate; to: IsoDate; items: ClosedDayItem[] }> {
  authorize(policy.workAsStaff(actor));
  return closedDaysAhead(ctx, input);
}

/** listClosedDays without the staff check: customers read the same list on the commitments page. */
export async function closedDaysAhead(
  ctx: AppContext,
  input: { from?: IsoDate; to?: IsoDate; language: Language },
): Promise<{ from: IsoDate; to: IsoDate; items: ClosedDayItem[] }> {
  const from = input.from ?? zurichDateOf(ctx.clock.now());
  const to = input.to ?? addDaysToIsoDate(addMonthsToIsoDate(from, 12), -1);
  if (to < from || to > addMonthsToIsoDate(from, 12 * MAX_CLOSED_DAYS_YEARS)) {
    throw new AppError('closed_days_range_invalid', { maxYears: MAX_CLOSED_DAYS_YEARS });
  }
  const { value: config } = await readCalendarSetting(ctx.db);
  const calendar = calendarFor(config);
  const atNoon = (date: IsoDate) => zurichInstant(`${date} 12:00`);
  const items: ClosedDayItem[] = [];
  const closed = calendar.closedDaysBetween(atNoon(from), atNoon(addDaysToIsoDate(to, 1)), {
    language: input.language,
  });
  for (const day of closed) {
    if (day.date <= to) {
      items.push({
        date: day.date,
        kind: day.reason === 'holiday' ? 'holiday' : 'extra',
        name: day.name ?? null,
        closesAt: null,
        hours: null,
      });
    }
    const eve = addDaysToIsoDate(day.date, -1);
    if (day.reason !== 'holiday' || config.eveClosingMinute === null || eve < from || eve > to) continue;
    if (config.specialHours.some((special) => special.date === eve)) continue;
    const open = calendar.openIntervalsOn(eve);
    const usual = config.weeklyHours[weekdayOf(eve)] ?? [];
    const shortened =
      open.length > 0 && usual.some((interval) => interval.end > (config.eveClosingMinute ?? 0));
    if (!shortened) continue;
    items.push({
      date: eve,
      kind: 'eve',
      name: interpolateEve(input.language, day.name ?? ''),
      closesAt: formatClockTime(config.eveClosingMinute),
      hours: null,
    });
  }
  for (const special of config.specialHours) {
    if (special.date < from || special.date > to || special.intervals.length === 0) continue;
    if (config.extraClosedDays.some((day) => day.date === special.date)) continue;
    items.push({
      date: special.date,
      kind: 'special_hours',
      name: special.label ?? null,
      closesAt: null,
      hours: special.intervals.map((interval) => ({
        start: formatClockTime(interval.start),
        end: formatClockTime(interval.end),
      })),
    });
  }
  items.sort((a, b) => a.date.localeCompare(b.date));
  return { from, to, items };
}

const neverOpens: Record<Language, string> = {
  fr: 'le guichet ne serait ouvert à aucun moment des dix prochaines années.',
  de: 'Der Schalter wäre in den nächsten zehn Jahren nie geöffnet.',
  en: 'the desk would never be open in the next ten years.',
};

const eveNames: Record<Language, string> = {
  fr: 'Veille de {name}',
  de: 'Vortag von {name}',
  en: 'Eve of {name}',
};

const interpolateEve = (language: Language, name: string) => eveNames[language].replace('{name}', name);

const weekdayNames: Record<Language, Record<string, string>> = {
  fr: {
    monday: 'lundi',
    tuesday: 'mardi',
    wednesday: 'mercredi',
    thursday: 'jeudi',
    friday: 'vendredi',
    saturday: 'samedi',
    sunday: 'dimanche',
  },
  de: {
    monday: 'Montag',
    tuesday: 'Dienstag',
    wednesday: 'Mittwoch',
    thursday: 'Donnerstag',
    friday: 'Freitag',
    saturday: 'Samstag',
    sunday: 'Sonntag',
  },
  en: {
    monday: 'Monday',
    tuesday: 'Tuesday',
    wednesday: 'Wednesday',
    thursday: 'Thursday',
    friday: 'Friday',
    saturday: 'Saturday',
    sunday: 'Sunday',
  },
};

const problemPatterns: { pattern: RegExp; message: Record<Language, string> }[] = [
  {
    pattern: /^(\w+): interval (-?[\d.]+)–(-?[\d.]+) must/,
    message: {
      fr: '{where} : l’horaire {start}–{end} doit commencer avant de finir, entre 00:00 et 24:00',
      de: '{where}: Die Zeit {start}–{end} muss zwischen 00:00 und 24:00 liegen und vor ihrem Ende beginnen',
      en: '{where}: the hours {start}–{end} must start before they end, between 00:00 and 24:00',
    },
  },
  {
    pattern: /^specialHours (\S+): interval (-?[\d.]+)–(-?[\d.]+) must/,
    message: {
      fr: 'horaire spécial du {where} : l’horaire {start}–{end} doit commencer avant de finir, entre 00:00 et 24:00',
      de: 'Sonderöffnungszeit am {where}: Die Zeit {start}–{end} muss zwischen 00:00 und 24:00 liegen und vor ihrem Ende beginnen',
      en: 'special hours of {where}: the hours {start}–{end} must start before they end, between 00:00 and 24:00',
    },
  },
  {
    pattern: /^(?:specialHours|extraClosedDays): bad date (.*)$/,
    message: { fr: 'date invalide : {where}', de: 'ungültiges Datum: {where}', en: 'invalid date: {where}' },
  },
  {
    pattern: /^eveClosingMinute out of range: (.*)$/,
    message: {
      fr: 'l’heure de fermeture des veilles de jours fériés doit être entre 00:00 et 24:00',
      de: 'Die Schliesszeit am Vortag eines Feiertags muss zwischen 00:00 und 24:00 liegen',
      en: 'the closing time on the eve of a holiday must be between 00:00 and 24:00',
    },
  },
  {
    pattern: /^holidayRegion: unknown country (.*)$/,
    message: {
      fr: 'pays des jours fériés inconnu : {where}',
      de: 'unbekanntes Land für die Feiertage: {where}',
      en: 'unknown country for public holidays: {where}',
    },
  },
  {
    pattern: /^holidayRegion: unknown state (.*)$/,
    message: {
      fr: 'canton ou région des jours fériés inconnu : {where}',
      de: 'unbekannter Kanton oder unbekannte Region für die Feiertage: {where}',
      en: 'unknown canton or region for public holidays: {where}',
    },
  },
];

/** The engine's problems are technical English; people read them in their language. */
function translateProblem(problem: string, language: Language): string {
  for (const { pattern, message } of problemPatterns) {
    const match = pattern.exec(problem);
    if (!match) continue;
    const where = match[1] ?? '';
    const minute = (value: string | undefined) => {
      const number = Number(value);
      return Number.isInteger(number) && number >= 0 && number <= 1440
        ? formatClockTime(number)
        : String(value);
    };
    return message[language]
      .replace('{where}', weekdayNames[language][where] ?? where)
      .replace('{start}', minute(match[2]))
      .replace('{end}', minute(match[3]));
  }
  return problem;
}

/** Sorted intervals and dates, so the stored document (and its audit) reads the same for the same calendar. */
function normalise(config: CalendarConfig): CalendarConfig {
  const byStart = <T extends { start: number }>(items: T[]) => [...items].sort((a, b) => a.start - b.start);
  return {
    weeklyHours: Object.fromEntries(
      WEEKDAYS.map((day) => [
        day,
        byStart(config.weeklyHours[day] ?? []).map(({ start, end }) => ({ start, end })),
      ]),
    ) as CalendarConfig['weeklyHours'],
    holidayRegion: config.holidayRegion.state
      ? { country: config.holidayRegion.country, state: config.holidayRegion.state }
      : { country: config.holidayRegion.country },
    eveClosingMinute: config.eveClosingMinute,
    extraClosedDays: [...config.extraClosedDays].sort((a, b) => a.date.localeCompare(b.date)),
    specialHours: [...config.specialHours]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((special) => ({ ...special, intervals: byStart(special.intervals) })),
  };
}

function weekdayOf(date: IsoDate): (typeof WEEKDAYS)[number] {
  const sundayFirst = new Date(`${date}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7] ?? 'monday';
}

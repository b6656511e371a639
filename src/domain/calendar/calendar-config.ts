/**
 * The business calendar as plain, JSON-serialisable data, so that admins can edit it and it can
 * be stored as one document. Times are minutes from local midnight in Europe/Zurich.
 */
import type { IsoDate } from './iso-date';

/** An opening interval [start, end) in minutes from local midnight, 0 ≤ start < end ≤ 1440. */
export interface OpeningInterval {
  start: number;
  end: number;
}

/** The keys of `weeklyHours`, Monday first (ISO order). */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
/** Day of the week, in ISO order (monday is ISO weekday 1). */
export type Weekday = (typeof WEEKDAYS)[number];

/** Where the public holidays come from, in date-holidays' codes. */
export interface HolidayRegion {
  /** ISO 3166-1 country code understood by date-holidays, e.g. 'CH'. */
  country: string;
  /** State (canton) code understood by date-holidays, e.g. 'BE'. */
  state?: string;
}

/** A date the desk is closed besides the public holidays (inventory, company event …). */
export interface ExtraClosedDay {
  date: IsoDate;
  label?: string;
}

/** Opening hours of one particular date, replacing everything else for that date. */
export interface SpecialHours {
  date: IsoDate;
  /** The day's whole opening hours; an empty list closes the day. */
  intervals: OpeningInterval[];
  label?: string;
}

/** The desk's calendar (R8), as admins edit it and as it is stored. */
export interface CalendarConfig {
  weeklyHours: Record<Weekday, OpeningInterval[]>;
  /** Public holidays (type 'public' in date-holidays) of this region close the desk. */
  holidayRegion: HolidayRegion;
  /**
   * On the calendar day before a public holiday the desk closes at this minute (null: no early
   * closing). Nothing changes when that day is closed anyway. "The day before" is taken
   * literally: Friday 31 July 2026 closes early although 1 August falls on a Saturday.
   */
  eveClosingMinute: number | null;
  extraClosedDays: ExtraClosedDay[];
  /** Opening hours for particular dates, replacing the weekly hours, holidays and eve rule. */
  specialHours: SpecialHours[];
}

const morning = { start: 8 * 60, end: 12 * 60 };
const longAfternoon = { start: 13 * 60 + 30, end: 18 * 60 };
const fridayAfternoon = { start: 13 * 60 + 30, end: 17 * 60 };

/** R8: Mon–Thu 08:00–12:00 and 13:30–18:00, Fri until 17:00, canton of Bern, eves close at 16:00. */
export const defaultCalendarConfig: CalendarConfig = {
  weeklyHours: {
    monday: [morning, longAfternoon],
    tuesday: [morning, longAfternoon],
    wednesday: [morning, longAfternoon],
    thursday: [morning, longAfternoon],
    friday: [morning, fridayAfternoon],
    saturday: [],
    sunday: [],
  },
  holidayRegion: { country: 'CH', state: 'BE' },
  eveClosingMinute: 16 * 60,
  extraClosedDays: [],
  specialHours: [],
};

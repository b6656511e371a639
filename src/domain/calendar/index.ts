/**
 * Business calendar of the Customer Services desk (R8): Europe/Zurich opening hours, public
 * holidays of the canton of Bern from date-holidays, early closing on holiday eves, admin-defined
 * closed days and special hours. Pure: time always comes in as parameters.
 */

export type {
  BusinessCalendar,
  ClosedDay,
  ClosedDaysOptions,
  OpenInterval,
  OpenStretch,
} from './business-calendar';
export { businessCalendar, CALENDAR_TIME_ZONE } from './business-calendar';
export type {
  CalendarConfig,
  ExtraClosedDay,
  HolidayRegion,
  OpeningInterval,
  SpecialHours,
  Weekday,
} from './calendar-config';
export { defaultCalendarConfig, WEEKDAYS } from './calendar-config';
export { calendarConfigProblems } from './calendar-config-validation';
export type { ClosedReason } from './day-schedule';
export type { IsoDate } from './iso-date';
export { addDaysToIsoDate, addMonthsToIsoDate } from './iso-date';
export type { HolidayLanguage, PublicHoliday } from './public-holidays';
export { publicHolidaysIn } from './public-holidays';
export { zurichDateOf, zurichInstant, zurichLocalString } from './zurich-time';

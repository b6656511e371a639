/**
 * Public holidays from date-holidays, never a hand-written list: the library follows changes in
 * the cantons' rules. For CH-BE it returns, as type 'public': New Year, Berchtoldstag (Jan 2),
 * Good Friday, Easter Sunday and Monday, Ascension, Whit Sunday and Monday, Swiss national day
 * (Aug 1), the Federal Fast (a Sunday), Christmas and St Stephen's Day. Maundy Thursday, Mother's
 * and Father's Day are 'observance' and therefore ignored: the desk is open on those days.
 * The Sunday holidays are kept: they fall on closed days and are harmless, and a region whose
 * weekend differs would need them.
 */
import Holidays from 'date-holidays';
import type { HolidayRegion } from './calendar-config';
import type { IsoDate } from './iso-date';

/** Languages in which holiday names are offered (the portal's languages). */
export type HolidayLanguage = 'fr' | 'de' | 'en';

export interface PublicHoliday {
  date: IsoDate;
  names: Record<HolidayLanguage, string>;
}

const LANGUAGES: HolidayLanguage[] = ['fr', 'de', 'en'];
// Holidays per region and year never change at run time, so one shared cache is safe.
const byRegionAndYear = new Map<string, Map<IsoDate, PublicHoliday>>();

/** The public holidays of a region in a year, by ISO date. */
export function publicHolidaysIn(region: HolidayRegion, year: number): Map<IsoDate, PublicHoliday> {
  const key = `${region.country}/${region.state ?? ''}/${year}`;
  let holidays = byRegionAndYear.get(key);
  if (!holidays) {
    holidays = loadPublicHolidays(region, year);
    byRegionAndYear.set(key, holidays);
  }
  return holidays;
}

function loadPublicHolidays(region: HolidayRegion, year: number): Map<IsoDate, PublicHoliday> {
  const source = region.state ? new Holidays(region.country, region.state) : new Holidays(region.country);
  const holidays = new Map<IsoDate, PublicHoliday>();
  for (const language of LANGUAGES) {
    for (const holiday of source.getHolidays(year, language)) {
      if (holiday.type !== 'public') continue;
      // `date` is local to the region ('2026-08-01 00:00:00'); start/end are instants we don't need.
      const date = holiday.date.slice(0, 10);
      const entry = holidays.get(date) ?? { date, names: { fr: '', de: '', en: '' } };
      entry.names[language] = holiday.name;
      holidays.set(date, entry);
    }
  }
  return holidays;
}

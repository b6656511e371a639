import { describe, expect, it } from 'vitest';
import {
  formatBusinessDuration,
  formatBytes,
  formatClockTime,
  formatDate,
  formatDateTime,
  formatDay,
  formatDuration,
  formatLanguage,
  formatMonth,
  formatNumber,
  formatRelative,
  formatTime,
  formatWeek,
  missing,
  plural,
} from './format';

// Intl separates with no-break spaces; the expectations are written with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

// 20:56 in Zurich (winter, UTC+1); 00:30 in Zurich is still the previous day in UTC.
const evening = '2026-12-01T19:56:00Z';
const afterMidnight = '2026-12-01T23:30:00Z';

describe('formatting for readers in fr, de and en', () => {
  it('shows an instant the same way in every language, in Zurich time', () => {
    expect(plain(formatDateTime(evening, 'fr'))).toBe('1 déc. 2026, 20:56');
    expect(plain(formatDateTime(evening, 'de'))).toBe('1. Dez. 2026, 20:56');
    expect(plain(formatDateTime(evening, 'en'))).toBe('1 Dec 2026, 20:56');
    expect(plain(formatTime(evening, 'en'))).toBe('20:56');
  });

  it('takes the day of an instant in Zurich, not in UTC', () => {
    expect(plain(formatDate(afterMidnight, 'fr'))).toBe('2 déc. 2026');
    expect(plain(formatDate(afterMidnight, 'de'))).toBe('2. Dez. 2026');
  });

  it('reads a calendar day, a week and a month without shifting them', () => {
    expect(plain(formatDay('2026-11-30', 'fr'))).toBe('30 nov. 2026');
    expect(plain(formatDay('2026-11-30', 'de', { weekday: true, long: true }))).toBe(
      'Montag, 30. November 2026',
    );
    expect(plain(formatWeek('2026-11-30', 'fr'))).toBe('semaine du 30 nov. 2026');
    expect(plain(formatWeek('2026-11-30', 'de'))).toBe('Woche vom 30. Nov. 2026');
    expect(plain(formatWeek('2026-11-30', 'en'))).toBe('week of 30 Nov 2026');
    expect(plain(formatMonth('2026-12', 'fr'))).toBe('décembre 2026');
    expect(plain(formatMonth('2026-12-01', 'en'))).toBe('December 2026');
  });

  it('writes durations as people say them', () => {
    expect([90, 2400, 45, 65, 0].map((m) => plain(formatDuration(m, 'fr')))).toEqual([
      '1 h 30',
      '40 h',
      '45 min',
      '1 h 05',
      '0 min',
    ]);
    expect([90, 2400, 45, 65].map((m) => formatDuration(m, 'de'))).toEqual([
      '1 Std. 30 Min.',
      '40 Std.',
      '45 Min.',
      '1 Std. 5 Min.',
    ]);
    expect([90, 2400, 45].map((m) => formatDuration(m, 'en'))).toEqual(['1 h 30 min', '40 h', '45 min']);
    expect(plain(formatDuration(-15, 'fr'))).toBe('−15 min');
  });

  it('writes sizes and numbers with the reader’s units and separators', () => {
    expect(plain(formatBytes(12, 'fr'))).toBe('12 octets');
    expect(plain(formatBytes(12, 'en'))).toBe('12 bytes');
    expect(plain(formatBytes(1.5 * 1024 * 1024, 'fr'))).toBe('1,5 Mo');
    expect(plain(formatBytes(1.5 * 1024 * 1024, 'de'))).toBe('1.5 MB');
    expect(plain(formatBytes(12 * 1024, 'en'))).toBe('12 kB');
    expect(plain(formatNumber(12345.5, 'fr'))).toBe('12 345,5');
    // Swiss German groups with an apostrophe (straight or curly, by ICU version).
    expect(plain(formatNumber(12345.5, 'de'))).toMatch(/^12['’]345\.5$/);
    expect(plain(formatNumber(12345.5, 'en'))).toBe('12,345.5');
  });

  it('shows a clock time and a distance from now', () => {
    expect(plain(formatClockTime(480))).toBe('08:00');
    expect(plain(formatRelative('2026-12-04T19:56:00Z', new Date(evening), 'fr'))).toBe('dans 3 jours');
    expect(plain(formatRelative('2026-12-01T17:56:00Z', new Date(evening), 'de'))).toBe('vor 2 Stunden');
  });

  it('shows a dash for a missing or broken value, and French for an unknown language', () => {
    expect(plain(formatDateTime(null, 'fr'))).toBe(missing);
    expect(plain(formatDate('not a date', 'fr'))).toBe(missing);
    expect(plain(formatDuration(undefined, 'de'))).toBe(missing);
    expect(plain(formatLanguage('de-CH'))).toBe('de');
    expect(plain(formatLanguage('it'))).toBe('fr');
  });
});

describe('business durations', () => {
  it('says whole hours, minutes under an hour and mixed lengths in business time, with singulars', () => {
    expect(formatBusinessDuration(240, 'fr')).toBe('4 h ouvrées');
    expect(formatBusinessDuration(60, 'fr')).toBe('1 h ouvrée');
    expect(formatBusinessDuration(90, 'fr')).toBe('1 h 30 ouvrées');
    expect(formatBusinessDuration(45, 'fr')).toBe('45 min ouvrées');
    expect(formatBusinessDuration(480, 'de')).toBe('8 Arbeitsstunden');
    expect(formatBusinessDuration(1, 'de')).toBe('1 Arbeitsminute');
    expect(formatBusinessDuration(65, 'de')).toBe('1 Std. 5 Min. Arbeitszeit');
    expect(formatBusinessDuration(60, 'en')).toBe('1 business hour');
    expect(formatBusinessDuration(-30, 'en')).toBe('−30 business minutes');
  });
});

describe('plurals outside i18next', () => {
  it('follows each language’s rule, French counting 0 and 1 as one', () => {
    const fr = { one: 'demande', other: 'demandes' };
    const en = { one: 'request', other: 'requests' };
    expect([0, 1, 2].map((n) => plural(n, 'fr', fr))).toEqual(['0 demande', '1 demande', '2 demandes']);
    expect([0, 1, 2].map((n) => plural(n, 'en', en))).toEqual(['0 requests', '1 request', '2 requests']);
    expect(plural(1, 'de', { one: 'Anfrage', other: 'Anfragen' })).toBe('1 Anfrage');
  });
});

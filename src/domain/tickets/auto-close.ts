/**
 * R9: reminders and automatic closing of a ticket waiting on the customer (Attente client).
 *
 * Days are calendar days in Europe/Zurich: a step N days after the entry into Attente client
 * comes at the same local wall-clock time N days later, whatever daylight-saving change lies
 * between. When that local time does not exist on that day (the spring gap, 02:00–02:59), the
 * step comes at the instant the clocks jump (03:00 summer time); when it exists twice (the autumn
 * overlap), at its first occurrence (summer time).
 *
 * Catch-up rule, for steps that fall due while no worker runs (an outage, a stopped worker, a
 * clock correction):
 * - a customer is never closed without having been sent both reminders;
 * - a reminder that falls due late is sent as soon as the worker resumes;
 * - each following step comes no earlier than its own date, and no earlier than the configured
 *   spacing after the previous reminder actually left (the spacing is the difference of the two
 *   configured delays: 15 − 10 = 5 days before the second reminder, 20 − 15 = 5 days before the
 *   closing), counted in calendar days from the instant that reminder's mail was sent;
 * - a reminder whose mail could not be sent suspends the automatic closing (staff decide);
 * - the closing mail says when the reminders were sent.
 * Pure: the instants come in as parameters.
 */
import { instantOfLocalTime, localTimeAt } from '../calendar/zoned-time';

export const AUTO_CLOSE_TIME_ZONE = 'Europe/Zurich';

/** R9 delays in calendar days after the ticket starts waiting on the customer. */
export interface AutoCloseDelays {
  reminder1Days: number;
  reminder2Days: number;
  closeDays: number;
}

export const defaultAutoCloseDelays: AutoCloseDelays = {
  reminder1Days: 10,
  reminder2Days: 15,
  closeDays: 20,
};

/** The steps of an R9 series, in order. */
export const autoCloseSteps = ['reminder_1', 'reminder_2', 'auto_close'] as const;
export type AutoCloseStep = (typeof autoCloseSteps)[number];

export interface ReminderSchedule {
  reminder1At: Date;
  reminder2At: Date;
  closeAt: Date;
}

const MINUTE = 60_000;

/**
 * The same local wall-clock time `days` calendar days later (or earlier), with the gap and overlap
 * rules above. Monotonic in local time: an instant whose local time is later never gives an earlier
 * result. Within the autumn overlap the local time itself goes back an hour, so an entry at 02:10
 * winter time gets its steps before one made at 02:50 summer time, 20 minutes earlier.
 */
export function addCalendarDays(instant: Date, days: number, timeZone = AUTO_CLOSE_TIME_ZONE): Date {
  // Zero days is the instant itself, also in the overlap's second hour (whose local time would
  // otherwise map to its first occurrence, an hour before).
  if (days === 0) return new Date(instant);
  const ms = instant.getTime();
  const epochMinute = Math.floor(ms / MINUTE);
  const local = localTimeAt(epochMinute, timeZone);
  const target = { dayNumber: local.dayNumber + days, minuteOfDay: local.minuteOfDay };
  const minute = instantOfLocalTime(target, timeZone);
  // In the spring gap every missing time maps to the jump itself, seconds included, so that two
  // instants in the gap keep their order (both land exactly on the jump).
  const inGap = localTimeAt(minute, timeZone).minuteOfDay !== target.minuteOfDay;
  return new Date(minute * MINUTE + (inGap ? 0 : ms - epochMinute * MINUTE));
}

/** Calendar days from the local date of `from` to the local date of `to`. */
export function calendarDaysBetween(from: Date, to: Date, timeZone = AUTO_CLOSE_TIME_ZONE): number {
  const day = (instant: Date) => localTimeAt(Math.floor(instant.getTime() / MINUTE), timeZone).dayNumber;
  return day(to) - day(from);
}

/**
 * The delays a series was scheduled with, read back from its dates: a series keeps the delays of
 * the day it started even when an admin changes them later.
 */
export function delaysOfSchedule(enteredWaitingAt: Date, schedule: ReminderSchedule): AutoCloseDelays {
  return {
    reminder1Days: calendarDaysBetween(enteredWaitingAt, schedule.reminder1At),
    reminder2Days: calendarDaysBetween(enteredWaitingAt, schedule.reminder2At),
    closeDays: calendarDaysBetween(enteredWaitingAt, schedule.closeAt),
  };
}

/** The nominal dates of a series: reminders and closing N calendar days after the entry. */
export function reminderSchedule(enteredWaitingAt: Date, delays: AutoCloseDelays): ReminderSchedule {
  return {
    reminder1At: addCalendarDays(enteredWaitingAt, delays.reminder1Days),
    reminder2At: addCalendarDays(enteredWaitingAt, delays.reminder2Days),
    closeAt: addCalendarDays(enteredWaitingAt, delays.closeDays),
  };
}

/** The step before `step` and the spacing in days between them; null for the first reminder. */
export function previousStep(
  step: AutoCloseStep,
  delays: AutoCloseDelays,
): { step: 'reminder_1' | 'reminder_2'; spacingDays: number } | null {
  if (step === 'reminder_2') {
    return { step: 'reminder_1', spacingDays: delays.reminder2Days - delays.reminder1Days };
  }
  if (step === 'auto_close') {
    return { step: 'reminder_2', spacingDays: delays.closeDays - delays.reminder2Days };
  }
  return null;
}

/** A reminder of the series as it went out: its own date and the instant its mail was sent. */
export interface SentReminder {
  nominalAt: Date;
  sentAt: Date;
}

/**
 * When a step may come under the catch-up rule: on its own date; and when the previous reminder
 * left after its own date, no earlier than the spacing after the instant it left. A reminder sent
 * on its date keeps the series on its dates (the same local time as the entry).
 */
export function catchUpDueAt(
  step: AutoCloseStep,
  nominalDueAt: Date,
  previous: SentReminder | null,
  delays: AutoCloseDelays,
): Date {
  const before = previousStep(step, delays);
  if (!before || !previous || previous.sentAt <= previous.nominalAt) return nominalDueAt;
  const spaced = addCalendarDays(previous.sentAt, before.spacingDays);
  return spaced > nominalDueAt ? spaced : nominalDueAt;
}

/**
 * The dates of a series as announced to the customer: the reminders already sent at the instants
 * they left, the steps to come under the catch-up rule, assuming each reminder still to send
 * leaves when it falls due.
 */
export function projectedSchedule(
  nominal: ReminderSchedule,
  delays: AutoCloseDelays,
  sent: { reminder1At?: Date; reminder2At?: Date },
): ReminderSchedule {
  const reminder1At = sent.reminder1At ?? nominal.reminder1At;
  const reminder2At =
    sent.reminder2At ??
    catchUpDueAt(
      'reminder_2',
      nominal.reminder2At,
      { nominalAt: nominal.reminder1At, sentAt: reminder1At },
      delays,
    );
  const closeAt = catchUpDueAt(
    'auto_close',
    nominal.closeAt,
    { nominalAt: nominal.reminder2At, sentAt: reminder2At },
    delays,
  );
  return { reminder1At, reminder2At, closeAt };
}

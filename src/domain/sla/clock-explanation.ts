/**
 * Why a clock's due time is what it is: the timeline the due time was computed from (see
 * running-time.ts), in the order it happened — time that counted, closed time skipped (with the
 * closed days it covers), pauses with their reason — plus the target, the criticality it came
 * from and the business time used and left.
 *
 * Two identities hold by construction and are checked by the tests:
 * - the working parts before the reading instant add up to the business time used;
 * - due − start = target + paused time + closed time, over the parts before the due time.
 */
import type { BusinessCalendar, ClosedDay, HolidayLanguage } from '../calendar';
import { zurichLocalString } from '../calendar';
import type { ClockInput, SlaClockReport, SlaClockState } from './clock-report';
import { readClock } from './clock-report';
import type { Criticality } from './criticality';
import type { ClockPart } from './running-time';
import type { CriticalityChange } from './sla-history';
import type { TicketStatus } from './ticket-events';

export interface ExplainedPart {
  kind: ClockPart['kind'];
  from: Date;
  to: Date;
  /** Wall-clock minutes. */
  minutes: number;
  /** Business minutes: those counted (working), or those a pause kept from counting; 0 when closed. */
  businessMinutes: number;
  /** After the reading instant: what happens if nothing changes (no new pause). */
  projected: boolean;
  /** After the due time: time run beyond the target. */
  afterDue: boolean;
  /** Paused: why the ticket waited, and whether it still waits at the reading instant. */
  reason?: TicketStatus;
  ongoing?: boolean;
  /** Closed: the closed days it covers (weekends, holidays, extra closed days), oldest first. */
  closedDays?: ClosedDay[];
  /** Closed: it starts at the early closing of a holiday eve. */
  eve?: boolean;
}

export interface ClockExplanation {
  state: SlaClockState;
  /** The criticality whose target applies (the one in force when the clock ended, or now). */
  criticality: Criticality;
  initialCriticality: Criticality;
  /** Changes of criticality up to the reading instant: each one recomputed the target from the start. */
  criticalityChanges: CriticalityChange[];
  targetMinutes: number;
  startedAt: Date;
  /** Where the clock is read: now, or the instant it ended. */
  readAt: Date;
  endedAt: Date | null;
  /** The instant the target is reached, assuming no new pause (also for a stopped clock: what it would have been). */
  dueAt: Date;
  usedMinutes: number;
  /** target − used: negative once breached. */
  leftMinutes: number;
  parts: ExplainedPart[];
  /** Wall-clock minutes from the start to the due time, by kind: working adds up to the target. */
  untilDue: { working: number; paused: number; closed: number };
}

export interface ExplainInput extends ClockInput {
  criticality: Criticality;
  initialCriticality: Criticality;
  criticalityChanges: readonly CriticalityChange[];
  /** Language of holiday names; default 'fr'. */
  language?: HolidayLanguage;
}

/** The report of one clock and its explanation, both from one reading of its running time. */
export function explainClock(input: ExplainInput): { report: SlaClockReport; explanation: ClockExplanation } {
  const { report, time, readAt } = readClock(input);
  const dueAt = time.instantReaching(input.targetMinutes);
  const parts = time.partsUntil([dueAt]).map((part) => explainPart(part, readAt, dueAt, input));
  // A closed stretch cut at the reading or due instant lists each of its days once.
  const listed = new Set<string>();
  for (const part of parts) {
    if (!part.closedDays) continue;
    part.closedDays = part.closedDays.filter((day) => !listed.has(day.date));
    for (const day of part.closedDays) listed.add(day.date);
  }
  const untilDue = { working: 0, paused: 0, closed: 0 };
  for (const part of parts) if (!part.afterDue) untilDue[part.kind] += part.minutes;
  const explanation: ClockExplanation = {
    state: report.state,
    criticality: input.criticality,
    initialCriticality: input.initialCriticality,
    criticalityChanges: input.criticalityChanges.filter((change) => change.at.getTime() <= readAt.getTime()),
    targetMinutes: input.targetMinutes,
    startedAt: input.createdAt,
    readAt,
    endedAt: input.end?.at ?? null,
    dueAt,
    usedMinutes: report.elapsedMinutes,
    leftMinutes: input.targetMinutes - report.elapsedMinutes,
    // Zero-length parts (an interval ending where the clock starts) say nothing to a reader, except
    // a pause that began this very minute: the clock stands still now.
    parts: parts.filter((part) => part.minutes > 0 || (part.kind === 'paused' && part.ongoing)),
    untilDue,
  };
  return { report, explanation };
}

function explainPart(part: ClockPart, readAt: Date, dueAt: Date, input: ExplainInput): ExplainedPart {
  const from = new Date(part.from * 60_000);
  const to = new Date(part.to * 60_000);
  const base = {
    kind: part.kind,
    from,
    to,
    minutes: part.to - part.from,
    businessMinutes: 0,
    // Pauses are what happened; only running and closed time ahead of the reading is a forecast.
    projected: part.kind !== 'paused' && part.from >= minuteOf(readAt),
    afterDue: part.from >= minuteOf(dueAt),
  };
  if (part.kind === 'working') return { ...base, businessMinutes: base.minutes };
  if (part.kind === 'paused') {
    return {
      ...base,
      businessMinutes: input.calendar.businessMinutesBetween(from, to),
      reason: part.reason,
      ongoing: part.ongoing,
    };
  }
  const closedDays = closedDaysIn(input.calendar, from, to, input.language ?? 'fr');
  return { ...base, closedDays, eve: startsAtEveClosing(input.calendar, from, closedDays) };
}

function closedDaysIn(calendar: BusinessCalendar, from: Date, to: Date, language: HolidayLanguage) {
  if (to.getTime() - from.getTime() < 60_000) return [];
  const last = new Date(to.getTime() - 60_000);
  return calendar.closedDaysBetween(from, last, { includeWeekends: true, language });
}

/** True when closed time starts at the eve closing minute, on the day before a public holiday. */
function startsAtEveClosing(calendar: BusinessCalendar, from: Date, closedDays: ClosedDay[]): boolean {
  const eveMinute = calendar.config.eveClosingMinute;
  if (eveMinute === null) return false;
  const local = zurichLocalString(from);
  const [hours, minutes] = local.slice(11).split(':').map(Number);
  if ((hours ?? 0) * 60 + (minutes ?? 0) !== eveMinute) return false;
  const next = nextDate(local.slice(0, 10));
  const holidayNext = closedDays.some((day) => day.date === next && day.reason === 'holiday');
  if (holidayNext) return true;
  // The part may end before the holiday is reached (a pause starts in the evening).
  return calendar
    .closedDaysBetween(new Date(from.getTime() + 86_400_000), new Date(from.getTime() + 86_400_000))
    .some((day) => day.date === next && day.reason === 'holiday');
}

function nextDate(date: string): string {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function minuteOf(instant: Date): number {
  return Math.floor(instant.getTime() / 60_000);
}

import { describe, expect, it } from 'vitest';
import { zurichInstant as at, businessCalendar, defaultCalendarConfig, zurichLocalString } from '../calendar';
import type { ClockExplanation } from './clock-explanation';
import { calendarCases, type Described, steps } from './clock-explanation-cases';
import { pauseCases } from './clock-explanation-pause-cases';
import { stopCases } from './clock-explanation-stop-cases';
import { explainSla } from './compute-sla';
import { history } from './sla-test-support';
import { defaultSlaTargets } from './targets';

const calendar = businessCalendar(defaultCalendarConfig);
const local = (instant: Date) => zurichLocalString(instant);

const tickets: Described[] = [...calendarCases, ...pauseCases, ...stopCases];

const minutesBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

function explanationOf(ticket: Described): ClockExplanation {
  const explained = explainSla(ticket.events, {
    now: at(ticket.now),
    calendar,
    targets: defaultSlaTargets,
  });
  const explanation = explained[ticket.clock];
  if (!explanation) throw new Error('no explanation');
  return explanation;
}

describe('the explanation of a due time (hand-described tickets)', () => {
  it('covers at least thirty tickets', () => {
    expect(tickets.length).toBeGreaterThanOrEqual(30);
  });

  it.each(tickets.map((ticket) => [ticket.name, ticket] as const))('%s', (_name, ticket) => {
    const explanation = explanationOf(ticket);
    const beforeDue = explanation.parts.filter((part) => !part.afterDue);
    const target = defaultSlaTargets[ticket.criticality][`${ticket.clock}Minutes`];
    expect({
      criticality: explanation.criticality,
      state: explanation.state,
      target: explanation.targetMinutes,
      due: local(explanation.dueAt),
      used: explanation.usedMinutes,
      pauses: beforeDue.filter((p) => p.kind === 'paused').map((p) => [p.reason, p.minutes]),
      closedDays: beforeDue.flatMap((p) => p.closedDays ?? []).map((day) => day.date),
      closed: explanation.untilDue.closed,
      eve: beforeDue.some((part) => part.eve),
      changes: explanation.criticalityChanges.length,
    }).toEqual({
      criticality: ticket.criticality,
      state: ticket.state,
      target,
      due: ticket.due,
      used: ticket.used,
      pauses: ticket.pauses,
      closedDays: ticket.closedDays,
      closed: ticket.closed,
      eve: ticket.eve ?? false,
      changes: ticket.changes ?? 0,
    });
    // The parts used before the reading instant add up exactly to the business time used …
    const counted = explanation.parts
      .filter((part) => part.kind === 'working' && !part.projected)
      .reduce((sum, part) => sum + part.businessMinutes, 0);
    expect(counted).toBe(explanation.usedMinutes);
    // … and the due time is the start plus the target, the pauses and the closed time listed.
    const paused = ticket.pauses.reduce((sum, [, minutes]) => sum + minutes, 0);
    expect(minutesBetween(explanation.startedAt, explanation.dueAt)).toBe(target + paused + ticket.closed);
    expect(explanation.untilDue.working).toBe(target);
  });
});

describe('a pause that began in the reading minute', () => {
  it('is told as ongoing, not forgotten behind a forecast that assumes the clock runs', () => {
    const events = history(
      '2026-01-07 10:00',
      'moyenne',
      steps(['2026-01-07 10:20', 'in_progress'], ['2026-01-07 10:20', 'waiting_customer']),
    );
    const explanation = explainSla(events, {
      now: at('2026-01-07 10:20'),
      calendar,
      targets: defaultSlaTargets,
    }).resolution;
    const pause = explanation?.parts.find((part) => part.kind === 'paused');
    expect(pause).toMatchObject({ reason: 'waiting_customer', ongoing: true, projected: false, minutes: 0 });
    expect(explanation?.usedMinutes).toBe(20);
  });
});

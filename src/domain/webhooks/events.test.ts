import { describe, expect, it } from 'vitest';
import { webhookEventsOf } from './events';
import { failedTooLong, webhookRetryDelayMs } from './retry';

describe('webhook events of a change', () => {
  it('a creation is ticket.created only, even though it sets a status', () => {
    expect(webhookEventsOf({ kind: 'created', visibility: 'public', after: { status: 'open' } })).toEqual([
      { event: 'ticket.created', internal: false },
    ]);
  });
  it('a closing is a status change and a closing, in that order', () => {
    expect(
      webhookEventsOf({ kind: 'closed', visibility: 'public', after: { status: 'closed' } }).map(
        (e) => e.event,
      ),
    ).toEqual(['ticket.status_changed', 'ticket.closed']);
  });
  it('an internal note is a message for internal endpoints only', () => {
    expect(webhookEventsOf({ kind: 'internal_note', visibility: 'internal', after: null })).toEqual([
      { event: 'ticket.message_added', internal: true },
    ]);
  });
  it('a survey answer is ticket.csat_received; an assignment is nothing', () => {
    expect(webhookEventsOf({ kind: 'survey_answered', visibility: 'public', after: null })).toEqual([
      { event: 'ticket.csat_received', internal: false },
    ]);
    expect(webhookEventsOf({ kind: 'assigned', visibility: 'internal', after: { assigneeId: 'x' } })).toEqual(
      [],
    );
  });
});

describe('webhook retries', () => {
  it('double each time from the base, up to the cap', () => {
    expect([1, 2, 3, 4, 30, 99].map((n) => webhookRetryDelayMs(n, 1000, 6000))).toEqual([
      1000, 2000, 4000, 6000, 6000, 6000,
    ]);
  });
  it('an endpoint is disabled only after failing for the whole period', () => {
    const since = new Date('2026-03-02T09:00:00Z');
    expect(failedTooLong(since, new Date('2026-03-03T08:59:59Z'), 86_400_000)).toBe(false);
    expect(failedTooLong(since, new Date('2026-03-03T09:00:00Z'), 86_400_000)).toBe(true);
    expect(failedTooLong(null, new Date('2027-01-01T00:00:00Z'), 86_400_000)).toBe(false);
  });
});

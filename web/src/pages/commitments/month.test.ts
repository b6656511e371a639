import { describe, expect, it } from 'vitest';
import { previousZurichMonth } from './month';

describe('the month a report opens on', () => {
  it('is the Zurich month before now, also in the first hours of a month when UTC is still in the last', () => {
    // 1 April 2026, 00:30 in Zurich (summer time) is still 31 March in UTC.
    expect(previousZurichMonth(new Date('2026-03-31T22:30:00Z'))).toBe('2026-03');
    // 1 January 2027, 00:30 in Zurich: last month is December of the year before.
    expect(previousZurichMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12');
    expect(previousZurichMonth(new Date('2026-03-15T12:00:00Z'))).toBe('2026-02');
  });
});

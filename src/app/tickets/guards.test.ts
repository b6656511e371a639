import { describe, expect, it } from 'vitest';
import { formatMinutes } from './guards';

describe('formatMinutes', () => {
  it('writes a signed amount of hours and minutes', () => {
    expect(formatMinutes(0)).toBe('0 h 00');
    expect(formatMinutes(90)).toBe('1 h 30');
    expect(formatMinutes(-30)).toBe('-0 h 30');
    expect(formatMinutes(-605)).toBe('-10 h 05');
  });
});

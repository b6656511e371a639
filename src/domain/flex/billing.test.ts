import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billingKindOf, chooseBilling, nextLowBalanceState, overdraftMinutes } from './billing';

describe('billingKindOf', () => {
  it('bills Flex-billed request types to the Flex balance, on either desk', () => {
    expect(billingKindOf({ desk: 'support', billedToFlex: true })).toBe('flex');
    expect(billingKindOf({ desk: 'consulting', billedToFlex: true })).toBe('flex');
  });

  it('bills the consulting desk en régie', () => {
    expect(billingKindOf({ desk: 'consulting', billedToFlex: false })).toBe('regie');
  });

  it('covers other support tickets by maintenance', () => {
    expect(billingKindOf({ desk: 'support', billedToFlex: false })).toBe('maintenance');
  });
});

describe('nextLowBalanceState', () => {
  it('warns when the balance falls from the threshold to below it', () => {
    expect(nextLowBalanceState(false, 599, 600)).toEqual({ isLow: true, warn: true });
  });

  it('does not warn again while it stays low', () => {
    expect(nextLowBalanceState(true, 100, 600)).toEqual({ isLow: true, warn: false });
  });

  it('re-arms when the balance is back at the threshold', () => {
    expect(nextLowBalanceState(true, 600, 600)).toEqual({ isLow: false, warn: false });
  });

  it('never warns without a threshold', () => {
    expect(nextLowBalanceState(false, -1000, null)).toEqual({ isLow: false, warn: false });
  });

  it('warns exactly once per crossing along any sequence of balances', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -500, max: 1500 }), { maxLength: 200 }), (balances) => {
        const threshold = 600;
        let state = false;
        let warnings = 0;
        let crossings = 0;
        let previousLow = false;
        for (const balance of balances) {
          const next = nextLowBalanceState(state, balance, threshold);
          if (next.warn) warnings += 1;
          const low = balance < threshold;
          if (low && !previousLow) crossings += 1;
          previousLow = low;
          state = next.isLow;
        }
        expect(warnings).toBe(crossings);
      }),
    );
  });
});

describe('overdraftMinutes', () => {
  it('is the part of a balance below zero, and nothing at or above zero', () => {
    expect(overdraftMinutes(-1200)).toBe(1200);
    expect(overdraftMinutes(0)).toBe(0);
    expect(overdraftMinutes(45)).toBe(0);
  });
});

describe('chooseBilling', () => {
  it('keeps what the ticket implies when nothing else is asked', () => {
    expect(chooseBilling('flex')).toEqual({
      ok: true,
      billing: 'flex',
      overridden: false,
      overrideReason: null,
    });
    expect(chooseBilling('regie', 'regie', 'ignored')).toEqual({
      ok: true,
      billing: 'regie',
      overridden: false,
      overrideReason: null,
    });
  });

  it('needs a reason to bill otherwise', () => {
    expect(chooseBilling('flex', 'maintenance')).toEqual({ ok: false, problem: 'override_reason_required' });
    expect(chooseBilling('flex', 'maintenance', '  ')).toEqual({
      ok: false,
      problem: 'override_reason_required',
    });
    expect(chooseBilling('flex', 'maintenance', ' Garantie ')).toEqual({
      ok: true,
      billing: 'maintenance',
      overridden: true,
      overrideReason: 'Garantie',
    });
  });
});

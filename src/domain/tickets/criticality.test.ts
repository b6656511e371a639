import { describe, expect, it } from 'vitest';
import { CRITICALITIES, isLowering, isRaising } from './criticality';
import { DESK_INFO, handlesDesk, ticketKey } from './desks';
import { STATUS_INFO, TICKET_STATUSES } from './statuses';

describe('R4 criticality', () => {
  it('is ordered from the most to the least severe', () => {
    expect(CRITICALITIES).toEqual(['critique', 'haute', 'moyenne', 'basse']);
  });

  it('knows lowering from raising', () => {
    expect(isLowering('critique', 'basse')).toBe(true);
    expect(isLowering('haute', 'moyenne')).toBe(true);
    expect(isLowering('basse', 'haute')).toBe(false);
    expect(isLowering('moyenne', 'moyenne')).toBe(false);
    expect(isRaising('basse', 'haute')).toBe(true);
    expect(isRaising('haute', 'haute')).toBe(false);
  });
});

describe('statuses and desks', () => {
  it('says who acts next in every status', () => {
    for (const s of TICKET_STATUSES) expect(STATUS_INFO[s].nextActor).toBeTruthy();
    expect(STATUS_INFO.waiting_customer.nextActor).toBe('customer');
    expect(STATUS_INFO.closed.nextActor).toBe('nobody');
  });

  it('prefixes keys per desk and assigns desks to roles', () => {
    expect(ticketKey('support', 1042)).toBe('SUP-1042');
    expect(DESK_INFO.consulting.keyPrefix).toBe('CON');
    expect(handlesDesk('agent', 'support')).toBe(true);
    expect(handlesDesk('agent', 'consulting')).toBe(false);
    expect(handlesDesk('admin', 'consulting')).toBe(true);
  });
});

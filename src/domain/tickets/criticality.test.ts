import { describe, expect, it } from 'vitest';
import { CRITICALITIES, CRITICALITY_INFO, isLowering, isRaising } from './criticality';
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

  it('defines each criticality in the reference French wording and in every language', () => {
    expect(CRITICALITY_INFO.basse.definition.fr).toMatch(/contournement facile/i);
    expect(CRITICALITY_INFO.critique.definition.fr).toMatch(/perte de chiffre/i);
    for (const c of CRITICALITIES) {
      for (const text of Object.values(CRITICALITY_INFO[c].definition))
        expect(text.length).toBeGreaterThan(10);
    }
  });
});

describe('statuses and desks', () => {
  it('labels every status and says who acts next, in three languages', () => {
    for (const s of TICKET_STATUSES) {
      expect(Object.keys(STATUS_INFO[s].label).sort()).toEqual(['de', 'en', 'fr']);
      expect(Object.keys(STATUS_INFO[s].nextStep).sort()).toEqual(['de', 'en', 'fr']);
    }
    expect(STATUS_INFO.waiting_customer.nextActor).toBe('customer');
    expect(STATUS_INFO.waiting_development.label.fr).toBe('Attente développement (RPC)');
  });

  it('prefixes keys per desk and assigns desks to roles', () => {
    expect(ticketKey('support', 1042)).toBe('SUP-1042');
    expect(DESK_INFO.consulting.keyPrefix).toBe('CON');
    expect(handlesDesk('agent', 'support')).toBe(true);
    expect(handlesDesk('agent', 'consulting')).toBe(false);
    expect(handlesDesk('admin', 'consulting')).toBe(true);
  });
});

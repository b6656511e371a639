import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESKS, type Desk } from './desks';
import { TICKET_STATUSES, type TicketStatus } from './statuses';
import {
  CLOSE_REASONS_OF_ROLE,
  checkTransition,
  deskAfter,
  findTransition,
  nextStatuses,
  TRANSITION_ROLES,
  TRANSITIONS,
  type TransitionRole,
} from './transitions';

const full = (from: TicketStatus, to: TicketStatus, role: TransitionRole, desk: Desk) =>
  checkTransition({
    from,
    to,
    role,
    desk,
    rpcReference: 'RPC-1',
    spcReference: 'SPC-1',
    closeReason: CLOSE_REASONS_OF_ROLE[role][0] ?? null,
  });

describe('R6 transition table', () => {
  it('lists each (from, to) pair at most once', () => {
    const pairs = TRANSITIONS.map((r) => `${r.from}>${r.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('never leaves closed, never stays in place', () => {
    expect(TRANSITIONS.filter((r) => r.from === 'closed')).toEqual([]);
    expect(TRANSITIONS.filter((r) => r.from === r.to)).toEqual([]);
    for (const to of TICKET_STATUSES) {
      for (const role of TRANSITION_ROLES) {
        for (const desk of DESKS)
          expect(full('closed', to, role, desk)).toEqual({ ok: false, reason: 'closed_is_final' });
      }
    }
  });

  it('lets every non-closed status be closed by staff and by the customer', () => {
    for (const from of TICKET_STATUSES.filter((s) => s !== 'closed')) {
      expect(findTransition(from, 'closed')?.roles).toEqual(expect.arrayContaining(['agent', 'customer']));
    }
  });

  it('allows exactly the table, for every role and desk (generated)', () => {
    for (const from of TICKET_STATUSES) {
      for (const to of TICKET_STATUSES) {
        const rule = findTransition(from, to);
        for (const role of TRANSITION_ROLES) {
          for (const desk of DESKS) {
            const result = full(from, to, role, desk);
            const deskOk =
              role === 'customer' ||
              role === 'system' ||
              (role === 'agent' && desk === 'support') ||
              (role === 'consultant' && desk === 'consulting') ||
              role === 'admin';
            const expected = rule
              ? rule.roles.includes(role) && (!rule.fromDesks || rule.fromDesks.includes(desk)) && deskOk
              : false;
            expect(result.ok, `${from} → ${to} by ${role} on ${desk}`).toBe(expected);
          }
        }
      }
    }
  });

  it('lets a customer only close, with closed_by_customer, and reopen waiting_customer by replying', () => {
    const explicit = TRANSITIONS.filter((r) => r.roles.includes('customer')).map((r) => r.to);
    expect(new Set(explicit)).toEqual(new Set(['closed']));
    expect(
      checkTransition({
        from: 'in_progress',
        to: 'closed',
        role: 'customer',
        desk: 'support',
        closeReason: 'solution_delivered',
      }),
    ).toMatchObject({ ok: false, reason: 'close_reason_not_allowed' });
    expect(
      checkTransition({ from: 'waiting_customer', to: 'in_progress', role: 'customer', desk: 'support' }),
    ).toMatchObject({
      ok: false,
      reason: 'role_not_allowed',
    });
    expect(
      checkTransition({
        from: 'waiting_customer',
        to: 'in_progress',
        role: 'customer',
        desk: 'support',
        viaReply: true,
      }),
    ).toMatchObject({ ok: true });
  });

  it('requires the RPC reference, the SPC reference and a close reason', () => {
    expect(
      checkTransition({ from: 'in_progress', to: 'waiting_development', role: 'agent', desk: 'support' }),
    ).toEqual({
      ok: false,
      reason: 'missing_field',
      field: 'rpcReference',
    });
    expect(
      checkTransition({
        from: 'in_progress',
        to: 'transferred_development',
        role: 'agent',
        desk: 'support',
        spcReference: '  ',
      }),
    ).toEqual({ ok: false, reason: 'missing_field', field: 'spcReference' });
    expect(checkTransition({ from: 'open', to: 'closed', role: 'admin', desk: 'support' })).toEqual({
      ok: false,
      reason: 'missing_field',
      field: 'closeReason',
    });
  });

  it('keeps agents on support and consultants on consulting', () => {
    expect(full('qualified', 'in_progress', 'consultant', 'support')).toEqual({
      ok: false,
      reason: 'wrong_desk',
    });
    expect(full('qualified', 'in_progress', 'agent', 'consulting')).toEqual({
      ok: false,
      reason: 'wrong_desk',
    });
    expect(full('qualified', 'in_progress', 'admin', 'consulting').ok).toBe(true);
  });

  it('transfers support tickets to consulting, where a consultant takes them', () => {
    expect(full('in_progress', 'transferred_consulting', 'agent', 'support').ok).toBe(true);
    expect(full('in_progress', 'transferred_consulting', 'admin', 'consulting').ok).toBe(false);
    expect(deskAfter('support', 'transferred_consulting')).toBe('consulting');
    expect(deskAfter('support', 'in_progress')).toBe('support');
    expect(full('transferred_consulting', 'in_progress', 'consultant', 'consulting').ok).toBe(true);
    expect(full('transferred_consulting', 'in_progress', 'agent', 'consulting').ok).toBe(false);
  });

  it('lets the system close only silent tickets waiting on the customer, for no answer', () => {
    expect(nextStatuses('waiting_customer', 'system', 'support')).toEqual(['closed']);
    expect(nextStatuses('in_progress', 'system', 'support')).toEqual([]);
    expect(
      checkTransition({
        from: 'waiting_customer',
        to: 'closed',
        role: 'system',
        desk: 'support',
        closeReason: 'closed_by_customer',
      }),
    ).toMatchObject({ ok: false, reason: 'close_reason_not_allowed' });
  });

  it('offers the statuses a role can reach', () => {
    expect(nextStatuses('in_progress', 'agent', 'support').sort()).toEqual(
      [
        'closed',
        'transferred_consulting',
        'transferred_development',
        'waiting_customer',
        'waiting_development',
      ].sort(),
    );
    expect(nextStatuses('in_progress', 'customer', 'support')).toEqual(['closed']);
  });

  it('every reachable status can still reach closed (no dead ends)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TICKET_STATUSES.filter((s) => s !== 'closed')), (status) => {
        const seen = new Set<TicketStatus>([status]);
        const queue: TicketStatus[] = [status];
        while (queue.length > 0) {
          const current = queue.shift() as TicketStatus;
          for (const rule of TRANSITIONS.filter((r) => r.from === current)) {
            if (!seen.has(rule.to)) {
              seen.add(rule.to);
              queue.push(rule.to);
            }
          }
        }
        return seen.has('closed');
      }),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket } from '../../src/app/tickets/create-ticket';
import { afterTicketChange, type TicketChangeHook } from '../../src/app/tickets/record-event';
import { type TestApp, testApp } from '../support/app';
import { testEngine } from '../support/db';
import { createCompany, type TestCompany } from '../support/factories';
import { actorOf, ticketInput } from '../support/ticket-factories';

let t: TestApp;
let acme: TestCompany;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
});
afterAll(() => t.close());

function expectConsecutive(keys: string[]) {
  expect(new Set(keys).size).toBe(keys.length);
  const numbers = keys.map((k) => Number(k.replace(/^SUP-/, ''))).sort((x, y) => x - y);
  expect(keys.every((k) => /^SUP-\d+$/.test(k))).toBe(true);
  expect((numbers.at(-1) ?? 0) - (numbers[0] ?? 0)).toBe(keys.length - 1);
}

describe('ticket keys', () => {
  if (testEngine() === 'postgres') {
    it('200 tickets created concurrently get 200 distinct consecutive keys', async () => {
      const input = await ticketInput(t.ctx.db);
      const actor = actorOf(acme.customer);
      const created = await Promise.all(Array.from({ length: 200 }, () => createTicket(t.ctx, actor, input)));
      expectConsecutive(created.map((ticket) => ticket.key));
    });
  } else {
    it('tickets created one after the other get distinct consecutive keys (single-connection engine)', async () => {
      const input = await ticketInput(t.ctx.db);
      const actor = actorOf(acme.customer);
      const keys: string[] = [];
      for (let i = 0; i < 25; i += 1) keys.push((await createTicket(t.ctx, actor, input)).key);
      expectConsecutive(keys);
    });
  }

  it('a creation rolled back after taking its number gives the number back: no gap', async () => {
    const input = await ticketInput(t.ctx.db);
    const actor = actorOf(acme.customer);
    const first = await createTicket(t.ctx, actor, input);
    const failing: TicketChangeHook = async () => {
      throw new Error('failure after the counter was taken');
    };
    afterTicketChange.push(failing);
    try {
      await expect(createTicket(t.ctx, actor, input)).rejects.toThrow('failure after the counter');
    } finally {
      afterTicketChange.splice(afterTicketChange.indexOf(failing), 1);
    }
    const second = await createTicket(t.ctx, actor, input);
    expect(second.number).toBe(first.number + 1);
  });
});

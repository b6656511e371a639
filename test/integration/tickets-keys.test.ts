import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket } from '../../src/app/tickets/create-ticket';
import { type TestApp, testApp } from '../support/app';
import { testEngine } from '../support/db';
import { actorOf, createCompany, type TestCompany, ticketInput } from '../support/factories';

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

    it('during a rolling upgrade, creations of both releases at once get distinct keys', async () => {
      const input = await ticketInput(t.ctx.db);
      const actor = actorOf(acme.customer);
      const numbers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          i % 3 === 0
            ? previousReleaseNumber(1)
            : createTicket(t.ctx, actor, input).then((ticket) => ticket.number),
        ),
      );
      expect(new Set(numbers).size).toBe(numbers.length);
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

  it('a creation rolled back after taking its number leaves a gap of that number, and the next is higher', async () => {
    const input = await ticketInput(t.ctx.db);
    const actor = actorOf(acme.customer);
    const first = await createTicket(t.ctx, actor, input);
    // The timeline entry is written after the number is taken: refusing it fails the creation late.
    await t.ctx.db.execute(sql`
      create function refuse_ticket_event() returns trigger language plpgsql as $$
      begin raise exception 'failure after the counter was taken'; end $$`);
    await t.ctx.db.execute(sql`
      create trigger refuse_ticket_event before insert on ticket_events
      for each row execute function refuse_ticket_event()`);
    try {
      await expect(createTicket(t.ctx, actor, input)).rejects.toThrow();
    } finally {
      await t.ctx.db.execute(sql`drop trigger refuse_ticket_event on ticket_events`);
    }
    const second = await createTicket(t.ctx, actor, input);
    expect(second.number).toBe(first.number + 2);
  });

  it('the previous release, which increments the desk counter row, and this one never give the same number', async () => {
    const input = await ticketInput(t.ctx.db);
    const actor = actorOf(acme.customer);
    const first = await createTicket(t.ctx, actor, input);
    const previous = await previousReleaseNumber(1);
    expect(previous).toBe(first.number + 1);
    const second = await createTicket(t.ctx, actor, input);
    expect(second.number).toBe(previous + 1);
    // A loader reserving a block of five through the row gets the five that follow.
    const blockEnd = await previousReleaseNumber(5);
    expect(blockEnd).toBe(second.number + 5);
    expect((await createTicket(t.ctx, actor, input)).number).toBe(blockEnd + 1);
  });
});

/** What the previous release did to take a number: increment the desk's counter row by `step`. */
async function previousReleaseNumber(step: number): Promise<number> {
  const result = (await t.ctx.db.execute(
    sql`update desk_counters set last_number = last_number + ${step} where desk = 'support' returning last_number`,
  )) as unknown as { rows: { last_number: number }[] };
  return Number(result.rows[0]?.last_number);
}

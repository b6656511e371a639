import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff } from '../support/factories';

/**
 * The staff queue with 10,000 tickets in the database: the API's response time is measured and
 * printed for the record (speed budgets are asserted in bench/, not here); the test asserts the
 * pages are right.
 */
const total = 10_000;
let t: TestApp;
let agent: TestClient;

beforeAll(async () => {
  t = await testApp();
  const staff = await createStaff(t.ctx.db);
  const acme = await createCompany(t.ctx.db);
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  const statuses = `array['open','qualified','in_progress','waiting_customer','waiting_development','closed']::ticket_status[]`;
  const criticalities = `array['critique','haute','moyenne','basse']::criticality[]`;
  await t.ctx.db.execute(
    sql.raw(`insert into tickets (desk, key, number, company_id, criticality, status, subject, description,
        created_by, created_at, updated_at, engagement_due_at, resolution_due_at, sla_state)
      select 'support', 'SCALE-' || n, 900000 + n, '${acme.company.id}',
        (${criticalities})[1 + n % 4], (${statuses})[1 + n % 6],
        'Export ' || n || ' fails for company ' || (n % 50), 'Generated ticket ' || n,
        '${acme.customer.id}',
        timestamptz '2026-01-01 08:00+00' + n * interval '7 minutes',
        timestamptz '2026-01-01 08:00+00' + n * interval '9 minutes',
        timestamptz '2026-03-02 08:00+00' + (n % 500) * interval '13 minutes',
        timestamptz '2026-03-09 08:00+00' + (n % 700) * interval '17 minutes',
        (array['on_track','at_risk','breached'])[1 + n % 3]
      from generate_series(1, ${total}) as n`),
  );
  await t.ctx.db.execute(sql`analyze tickets`);
});
afterAll(() => t.close());

async function timed(url: string) {
  const started = performance.now();
  const response = await agent.get(url);
  return { response, ms: performance.now() - started };
}

describe(`the queue with ${total} tickets`, () => {
  it('answers each queue page, sorted by nearest due time, and prints the response times', async () => {
    const queues: Record<string, string> = {
      'to qualify': '/api/tickets?status=open&sort=engagementDueAt&order=asc&limit=50',
      'to pick up': '/api/tickets?status=qualified&sort=engagementDueAt&order=asc&limit=50',
      development:
        '/api/tickets?status=waiting_development,transferred_development&sort=resolutionDueAt&order=asc&limit=50',
      all: '/api/tickets?sort=updatedAt&order=desc&limit=50',
      search: '/api/tickets?q=SCALE-4242&limit=50',
    };
    const lines: string[] = [];
    for (const [name, url] of Object.entries(queues)) {
      await agent.get(url); // warm up
      const runs = [];
      for (let i = 0; i < 5; i++) runs.push(await timed(url));
      for (const run of runs) expect(run.response.statusCode).toBe(200);
      const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
      lines.push(`${name.padEnd(12)} median ${ms[2]?.toFixed(1)} ms, max ${ms[4]?.toFixed(1)} ms`);
    }
    console.log(
      `Queue API with ${total} tickets (${process.env.GUICHET_TEST_DB ?? 'pglite'}):\n  ${lines.join('\n  ')}`,
    );

    const first = (await agent.get(queues['to qualify'] ?? '')).json();
    expect(first.items).toHaveLength(50);
    const due = first.items.map((i: { engagementDueAt: string }) => i.engagementDueAt);
    expect([...due].sort()).toEqual(due);
    expect(first.items.every((i: { status: string }) => i.status === 'open')).toBe(true);
  });

  it('walks a queue page after page with the cursor, each ticket once', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (
        await agent.get(`/api/tickets?status=qualified&sort=engagementDueAt&order=asc&limit=100${query}`)
      ).json();
      for (const item of page.items as { id: string }[]) seen.add(item.id);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 40);
    expect(seen.size).toBe(Math.floor(total / 6) + (total % 6 >= 2 ? 1 : 0));
  });
});

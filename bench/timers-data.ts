/**
 * The data of `npm run bench -- timers`: waiting tickets whose R9 step is due, written with
 * INSERT … SELECT as the application would have left them (src/app/timers/schedule-timers.ts and
 * waiting-steps.ts). `bench_timers.plan` keeps, per ticket, the step that is due (stage 0: the
 * first reminder, 1: the second, 2: the closing) and its series, for the exactly-once check.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { openPostgres } from '../src/db/client';

/** Calendar days in Europe/Zurich, as the domain's addCalendarDays counts them. */
const calendarDays = (instant: string, days: string) =>
  `((${instant} AT TIME ZONE 'Europe/Zurich') + make_interval(days => ${days})) AT TIME ZONE 'Europe/Zurich'`;

const companies = 100;

export async function prepareDueTimers(
  url: string,
  client: pg.Client,
  count: number,
): Promise<{ due: number; tickets: number; byKind: string; seconds: number }> {
  const began = performance.now();
  // The application's own migrations, as the worker expects them.
  const database = await openPostgres(url, 1);
  await database.migrate();
  await database.close();
  const statements = [
    // As the seed does (bench/seed-million.ts): no triggers and no foreign-key checks while
    // loading. The one trigger of these tables writes the tickets' search documents, which the
    // worker neither reads nor changes (a closing changes no searched field).
    `SET session_replication_role = replica`,
    `CREATE SCHEMA bench_timers`,
    `INSERT INTO companies (name, created_at) SELECT 'Timers ' || g, now() - interval '2 years'
       FROM generate_series(1, ${companies}) g`,
    `INSERT INTO contracts (company_id, kind, reference, starts_on, created_at)
       SELECT id, 'maintenance', 'MNT-' || name, '2020-01-01', created_at FROM companies`,
    // One customer per company, in the three languages of the mails.
    `INSERT INTO users (email, name, role, company_id, is_manager, language, created_at)
       SELECT 'client.' || n || '@timers.test', 'Client ' || n, 'customer', id, true,
              (ARRAY['fr', 'de', 'en'])[1 + n % 3]::language, created_at
       FROM (SELECT id, created_at, row_number() OVER (ORDER BY name) AS n FROM companies) c`,
    `INSERT INTO users (email, name, role, language, created_at)
       VALUES ('agent@timers.test', 'Agent Timers', 'agent', 'fr', now() - interval '2 years')`,
    // The plan: a third of the tickets per step; each entered waiting_customer so that its step
    // fell due at some instant of the last 24 hours.
    `CREATE TABLE bench_timers.plan AS
       SELECT g AS n, g % 3 AS stage, gen_random_uuid() AS ticket_id, u.company_id, u.id AS customer_id,
              ${calendarDays('now()', '-(10 + 5 * (g % 3))')} - make_interval(secs => 60 + (g * 7919) % 86000) AS entered,
              NULL::text AS ladder
       FROM generate_series(1, ${count}) g
       JOIN (SELECT id, company_id, row_number() OVER (ORDER BY email) - 1 AS k FROM users WHERE role = 'customer') u
         ON u.k = g % ${companies}`,
    `INSERT INTO tickets (id, desk, key, number, company_id, criticality, status, subject, description,
                          created_by, assignee_id, created_at, updated_at, qualified_at)
       SELECT ticket_id, 'support', 'SUP-' || n, n, company_id, 'moyenne', 'waiting_customer',
              'Export comptable bloqué ' || n, 'Le journal ne s''exporte plus depuis la mise à jour.',
              customer_id, (SELECT id FROM users WHERE role = 'agent'), entered - interval '1 day', entered,
              entered - interval '20 hours'
       FROM bench_timers.plan`,
    `INSERT INTO ticket_events (ticket_id, at, actor_id, kind, visibility, after, data)
       SELECT ticket_id, entered - interval '1 day', customer_id, 'created', 'public',
              '{"status": "open"}', '{}' FROM bench_timers.plan`,
    `INSERT INTO ticket_events (ticket_id, at, actor_id, kind, visibility, before, after, data)
       SELECT ticket_id, entered, (SELECT id FROM users WHERE role = 'agent'), 'status_changed', 'public',
              '{"status": "in_progress"}', '{"status": "waiting_customer"}', '{}' FROM bench_timers.plan`,
    // The series is named after the event that entered the wait.
    `UPDATE bench_timers.plan p SET ladder = e.id::text
       FROM ticket_events e WHERE e.ticket_id = p.ticket_id AND e.kind = 'status_changed'`,
    // The three steps; those before the due one already done, at their nominal instant.
    `INSERT INTO ticket_timers (ticket_id, kind, due_at, scheduled_at, ladder, state, created_at, done_at)
       SELECT ticket_id, s.kind::ticket_timer_kind, s.at, s.at, ladder,
              (CASE WHEN s.step < stage THEN 'done' ELSE 'pending' END)::ticket_timer_state, entered,
              CASE WHEN s.step < stage THEN s.at END
       FROM bench_timers.plan,
       LATERAL (VALUES (0, 'reminder_1', ${calendarDays('entered', '10')}),
                       (1, 'reminder_2', ${calendarDays('entered', '15')}),
                       (2, 'auto_close', ${calendarDays('entered', '20')})) s(step, kind, at)`,
    // The reminders already done left on time: their mail sent, the entries queued and sent.
    `CREATE TABLE bench_timers.sent AS
       SELECT p.*, t.kind::text AS kind, t.done_at AS at, substr(t.kind::text, 10)::int AS reminder,
              ${calendarDays('entered', '20')} AS close_at
       FROM bench_timers.plan p JOIN ticket_timers t ON t.ticket_id = p.ticket_id AND t.state = 'done'`,
    `INSERT INTO outbox (template, recipient, language, params, ticket_id, status, attempts, next_attempt_at,
                         message_id, created_at, sent_at)
       SELECT 'ticket.' || s.kind, u.email, u.language,
              jsonb_build_object('ticketId', s.ticket_id, 'closeAt', s.close_at, 'series', s.ladder,
                'timelineWhenSent', jsonb_build_object('kind', 'reminder_sent',
                  'data', jsonb_build_object('reminder', s.reminder, 'series', s.ladder, 'closeAt', s.close_at))),
              s.ticket_id::text, 'sent', 1, s.at, '<bench-' || s.ticket_id || '-' || s.reminder || '@timers.test>',
              s.at, s.at
       FROM bench_timers.sent s JOIN users u ON u.id = s.customer_id`,
    `INSERT INTO ticket_events (ticket_id, at, kind, visibility, data)
       SELECT s.ticket_id, s.at, e.kind, e.visibility::visibility,
              jsonb_build_object('reminder', s.reminder, 'series', s.ladder, 'closeAt', s.close_at)
       FROM bench_timers.sent s, (VALUES ('reminder_queued', 'internal'), ('reminder_sent', 'public')) e(kind, visibility)`,
    `CREATE INDEX ON bench_timers.plan (ticket_id)`,
    `SET session_replication_role = DEFAULT`,
    `VACUUM ANALYZE`,
  ];
  for (const statement of statements) await client.query(statement);
  const { rows } = await client.query<{ kind: string; n: string }>(
    `SELECT kind, count(*) AS n FROM ticket_timers WHERE state = 'pending' AND due_at <= now()
     GROUP BY kind ORDER BY kind`,
  );
  const due = rows.reduce((sum, r) => sum + Number(r.n), 0);
  return {
    due,
    tickets: count,
    byKind: rows.map((r) => `${r.kind} ${Number(r.n).toLocaleString('en')}`).join(', '),
    seconds: (performance.now() - began) / 1000,
  };
}

/**
 * Seeds the benchmark database with N tickets (default 1,000,000) across 500 companies.
 *
 *   npm run bench -- seed [--tickets 1000000] [--batch 10000] [--workers 2] [--profile] [--pglite]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/guichet_bench npx tsx bench/seed-million.ts
 *
 * The database is created when missing and migrated with the application's migrations. Tickets are
 * written in batches by INSERT … SELECT over generate_series, each batch one transaction that also
 * records its progress: an interrupted run resumes where it stopped, and a database already holding
 * N seeded tickets is left as it is. Search documents are built per batch with the same database
 * function the triggers use; the triggers themselves (and foreign-key checks) are off for the
 * seeding session only. With --pglite the same SQL fills the PGlite data directory BENCH_DATA_DIR
 * (default data/bench) instead, one batch at a time (bench/seed-target.ts).
 */
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../src/app/auth/passwords';
import { defaultSlaTargets } from '../src/domain/sla/targets';
import {
  benchAgentEmail,
  benchCustomerEmail,
  benchDatabaseUrl,
  benchDataDir,
  benchPassword,
  numberArg,
} from './lib';
import { pgliteTarget, postgresTarget, type SeedSql } from './seed-target';
import { frenchWords, germanWords } from './words';

const COMPANIES = 500;
const AGENTS = 24;
const CONSULTANTS = 6;
const CUSTOMERS_PER_COMPANY = 3;

/** Companies, contracts, projects, staff and customers: once, recorded in the `bench` schema. */
async function seedReferenceData(client: SeedSql, target: number): Promise<void> {
  const exists = await client.query(
    `SELECT 1 FROM information_schema.tables WHERE table_schema = 'bench' AND table_name = 'seed'`,
  );
  if (exists.rowCount) {
    await client.query('UPDATE bench.seed SET target = greatest(target, $1)', [target]);
    return;
  }
  const hash = await hashPassword(benchPassword);
  await client.query('BEGIN');
  await client.query(`
    CREATE SCHEMA IF NOT EXISTS bench;
    CREATE TABLE bench.seed (
      id int PRIMARY KEY CHECK (id = 1),
      target int NOT NULL,
      anchor timestamptz NOT NULL,
      pool_subject int NOT NULL DEFAULT 0,
      pool_description int NOT NULL DEFAULT 0,
      pool_message int NOT NULL DEFAULT 0
    );
    CREATE TABLE bench.batches (first int PRIMARY KEY, last int NOT NULL);
    CREATE TABLE bench.companies (
      n int PRIMARY KEY,
      company_id uuid NOT NULL,
      lang text NOT NULL,
      project_id uuid NOT NULL
    );
    CREATE TABLE bench.staff (n int PRIMARY KEY, user_id uuid NOT NULL);
    CREATE TABLE bench.customers (company_n int, k int, user_id uuid NOT NULL, PRIMARY KEY (company_n, k));
  `);
  // The anchor is "now" of the seeded history: tickets span the five years before it.
  await client.query(`INSERT INTO bench.seed VALUES (1, $1, date_trunc('minute', now()))`, [target]);
  await client.query(
    `INSERT INTO bench.companies
     SELECT n, gen_random_uuid(), CASE WHEN n % 5 IN (1, 3) THEN 'de' ELSE 'fr' END, gen_random_uuid()
       FROM generate_series(0, $1::int - 1) n`,
    [COMPANIES],
  );
  await client.query(`
    INSERT INTO companies (id, name, mail_domains, created_at)
    SELECT company_id, format('Banc %s SA', lpad(n::text, 3, '0')), ARRAY[format('client%s.bench.test', n)],
           (SELECT anchor FROM bench.seed) - interval '6 years'
      FROM bench.companies;
    INSERT INTO contracts (company_id, kind, reference, starts_on, created_at)
    SELECT company_id, 'maintenance', format('MNT-B%s', n), '2019-01-01', (SELECT anchor FROM bench.seed) - interval '6 years'
      FROM bench.companies;
    INSERT INTO contracts (company_id, kind, reference, starts_on, low_balance_minutes, created_at)
    SELECT company_id, 'flex', format('FLX-B%s', n), '2019-01-01', 600, (SELECT anchor FROM bench.seed) - interval '6 years'
      FROM bench.companies WHERE n % 5 = 0;
    INSERT INTO projects (id, company_id, name, description, created_at)
    SELECT project_id, company_id, format('Projet %s', n), '', (SELECT anchor FROM bench.seed) - interval '6 years'
      FROM bench.companies;
  `);
  await client.query(
    `INSERT INTO bench.staff SELECT n, gen_random_uuid() FROM generate_series(0, $1::int - 1) n`,
    [AGENTS + CONSULTANTS],
  );
  await client.query(
    `INSERT INTO users (id, email, name, role, language, password_hash, created_at)
     SELECT user_id,
            CASE WHEN n = 0 THEN $1 ELSE format('staff%s@bench.guichet.test', n) END,
            format('%s %s', CASE WHEN n < $3::int THEN 'Agent' ELSE 'Consultant' END, n),
            CASE WHEN n < $3::int THEN 'agent'::role ELSE 'consultant'::role END,
            'fr', CASE WHEN n = 0 THEN $2 END, (SELECT anchor FROM bench.seed) - interval '6 years'
       FROM bench.staff`,
    [benchAgentEmail, hash, AGENTS],
  );
  await client.query(
    `INSERT INTO bench.customers
     SELECT c.n, k, gen_random_uuid() FROM bench.companies c, generate_series(0, $1::int - 1) k`,
    [CUSTOMERS_PER_COMPANY],
  );
  await client.query(
    `INSERT INTO users (id, email, name, role, company_id, is_manager, language, password_hash, created_at)
     SELECT u.user_id,
            CASE WHEN u.company_n = 0 AND u.k = 0 THEN $1 ELSE format('user%s.%s@client%s.bench.test', u.company_n, u.k, u.company_n) END,
            format('Client %s.%s', u.company_n, u.k), 'customer', c.company_id, u.k = 0, c.lang::language,
            CASE WHEN u.company_n = 0 AND u.k = 0 THEN $2 END, (SELECT anchor FROM bench.seed) - interval '6 years'
       FROM bench.customers u JOIN bench.companies c ON c.n = u.company_n`,
    [benchCustomerEmail, hash],
  );
  await buildTextPools(client, target);
  await client.query('COMMIT');
}

/**
 * Texts drawn per language and kind, at most these many (fewer for a small seed, whose pools would
 * otherwise take longer than its tickets); each text is reused by about N / size tickets or messages.
 */
const POOLS = { subject: 2000, description: 6000, message: 12000 } as const;

/**
 * Pools of subjects, descriptions and messages with their French and German documents, built once.
 * Stemming every text of a million tickets was most of the seed's time; a ticket's document is now
 * assembled from the documents of its texts. tsvector concatenation shifts the right operand's
 * positions past the left one's last, which equals stemming the joined text as long as every word
 * yields a lexeme (the vocabularies hold no stop words) — the final check compares with the app's
 * function.
 */
async function buildTextPools(client: SeedSql, target: number): Promise<void> {
  await client.query(`
    CREATE AGGREGATE bench.tsv_cat(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');
    CREATE TABLE bench.texts (
      kind text NOT NULL, lang text NOT NULL, n int NOT NULL, body text NOT NULL,
      fr tsvector NOT NULL, de tsvector NOT NULL, PRIMARY KEY (kind, lang, n)
    )`);
  const shapes: [keyof typeof POOLS, string, string][] = [
    ['subject', '3', '1 + g.n % 3'],
    ['description', '4', '16 + g.n % 20'],
    ['message', '2', '8 + g.n % 22'],
  ];
  for (const [kind, domain, filler] of shapes) {
    const size = Math.max(50, Math.min(POOLS[kind], Math.ceil(target / 20)));
    await client.query(`UPDATE bench.seed SET pool_${kind} = $1`, [size]);
    await client.query(
      `INSERT INTO bench.texts
       SELECT $1, l.lang, g.n, x.body, to_tsvector('guichet_fr', x.body), to_tsvector('guichet_de', x.body)
         FROM (VALUES ('fr', $3::text[]), ('de', $4::text[])) l(lang, w)
         CROSS JOIN generate_series(0, $2::int - 1) g(n)
         CROSS JOIN LATERAL (SELECT $5::text[] AS f) words
         CROSS JOIN LATERAL (SELECT ${kind === 'subject' ? 'upper(left(b, 1)) || substr(b, 2)' : 'b'} AS body
                               FROM (SELECT ${text(domain, filler)}) AS raw(b)) x`,
      [kind, size, frenchWords, germanWords, fillerWords],
    );
  }
  await client.query('ANALYZE bench.texts');
}

/** The R7 default targets; due times stretch their business minutes ×3 to wall-clock time. */
const targetsJson = JSON.stringify(defaultSlaTargets);

/**
 * A text of `domain` support words of the ticket's language (list `w`; a mild skew makes the
 * first words of the list more frequent than the last: each is in 8–20 % of the tickets of its
 * language) and `filler` words of a large made-up vocabulary (list `f`), which give the search
 * documents a realistic size without changing how often a support word occurs. Random order.
 */
const text = (domain: string, filler: string) => `(
  SELECT string_agg(x.word, ' ' ORDER BY x.o) FROM (
    SELECT w[1 + floor(random() ^ 1.2 * array_length(w, 1))::int] AS word, random() AS o FROM generate_series(1, ${domain})
    UNION ALL
    SELECT f[1 + floor(random() ^ 2 * array_length(f, 1))::int], random() FROM generate_series(1, ${filler})
  ) x)`;

/** 8,000 made-up words of three syllables ("bakori", "tumesa" …), none a real support word. */
const fillerWords = (() => {
  const syllables = [
    'ba',
    'ko',
    'ri',
    'tu',
    'me',
    'sa',
    'lo',
    'ne',
    'vi',
    'da',
    'pe',
    'gu',
    'fo',
    'zi',
    'ly',
    'mu',
    'ta',
    'ke',
    'no',
    'ru',
  ];
  const words: string[] = [];
  for (const a of syllables) for (const b of syllables) for (const c of syllables) words.push(`${a}${b}${c}`);
  return words;
})();

/**
 * One batch: tickets first..last (1-based sequence numbers, oldest first), their messages, their
 * timeline, their SLA rows and search documents, and the seed progress, in one transaction.
 */
const batchSql = [
  // Every random draw of a ticket, made once.
  `CREATE TEMP TABLE draw ON COMMIT DROP AS
   SELECT i, random() AS r_company, random() AS r_status, random() AS r_crit, random() AS r_type,
          random() AS r_dur, random() AS r_staff, random() AS r_msgs, random() AS r_close, random() AS r_sla,
          random() AS r_subject, random() AS r_description,
          (s.anchor - ((s.target - i)::float8 / s.target) * interval '5 years' - random() * interval '2 hours') AS created_at,
          (s.target - i)::float8 / s.target < 45.0 / 1826 AS recent,
          s.anchor
     FROM generate_series($1::int, $2::int) i, bench.seed s`,
  `CREATE TEMP TABLE shape ON COMMIT DROP AS
   SELECT d.*, least(${COMPANIES - 1}, floor(${COMPANIES} * d.r_company ^ 2))::int AS company_n,
          CASE WHEN d.i % 7 = 0 THEN 'consulting' ELSE 'support' END AS key_desk,
          CASE
            WHEN d.i % 7 = 0 THEN
              CASE WHEN NOT d.recent AND d.r_status < 0.999 THEN 'closed'
                   WHEN d.r_status < 0.45 THEN 'closed' WHEN d.r_status < 0.60 THEN 'open'
                   WHEN d.r_status < 0.85 THEN 'in_progress' ELSE 'waiting_customer' END
            WHEN NOT d.recent THEN
              CASE WHEN d.r_status < 0.995 THEN 'closed' WHEN d.r_status < 0.9975 THEN 'waiting_development'
                   ELSE 'transferred_development' END
            ELSE
              CASE WHEN d.r_status < 0.40 THEN 'closed' WHEN d.r_status < 0.50 THEN 'open'
                   WHEN d.r_status < 0.60 THEN 'qualified' WHEN d.r_status < 0.75 THEN 'in_progress'
                   WHEN d.r_status < 0.87 THEN 'waiting_customer' WHEN d.r_status < 0.92 THEN 'waiting_development'
                   WHEN d.r_status < 0.96 THEN 'transferred_development' ELSE 'transferred_consulting' END
          END AS status,
          CASE WHEN d.r_crit < 0.05 THEN 'critique' WHEN d.r_crit < 0.25 THEN 'haute'
               WHEN d.r_crit < 0.70 THEN 'moyenne' ELSE 'basse' END AS criticality
     FROM draw d`,
  `CREATE TEMP TABLE t ON COMMIT DROP AS
   SELECT s.*, gen_random_uuid() AS id, c.company_id, c.lang,
          CASE WHEN s.key_desk = 'consulting' OR s.status = 'transferred_consulting' THEN 'consulting' ELSE 'support' END AS desk,
          (CASE WHEN s.key_desk = 'consulting' THEN $7::int ELSE $6::int END
            + row_number() OVER (PARTITION BY s.key_desk ORDER BY s.i))::int AS number,
          CASE WHEN s.key_desk = 'consulting' THEN NULL
               WHEN s.company_n % 5 = 0 AND s.r_type < 0.1 THEN (SELECT id FROM request_types WHERE code = 'solva_flex')
               ELSE (SELECT id FROM request_types WHERE code = 'assistance') END AS request_type_id,
          CASE WHEN s.key_desk = 'consulting' THEN c.project_id END AS project_id,
          cu.user_id AS creator_id,
          CASE WHEN s.status IN ('open', 'qualified') THEN NULL
               WHEN s.key_desk = 'consulting' OR s.status = 'transferred_consulting'
                 THEN (SELECT user_id FROM bench.staff WHERE n = ${AGENTS} + floor(s.r_staff * ${CONSULTANTS})::int)
               ELSE (SELECT user_id FROM bench.staff WHERE n = floor(s.r_staff * ${AGENTS})::int) END AS assignee_id,
          (SELECT user_id FROM bench.staff WHERE n = floor(s.r_type * ${AGENTS})::int) AS triage_id,
          CASE WHEN s.status = 'closed' THEN least(s.anchor, s.created_at + s.r_dur ^ 2 * interval '30 days')
               ELSE least(s.anchor, s.created_at + s.r_dur * interval '10 days') END AS updated_at,
          CASE WHEN s.status = 'open' THEN (s.r_msgs < 0.3)::int ELSE 1 + floor(s.r_msgs * 3)::int END AS nmsg,
          CASE WHEN s.status <> 'closed' THEN NULL WHEN s.r_close < 0.8 THEN 'solution_delivered'
               WHEN s.r_close < 0.93 THEN 'no_answer' ELSE 'closed_by_customer' END AS close_reason,
          (($3::jsonb -> s.criticality ->> 'engagementMinutes')::int * 3) * interval '1 minute' AS eng_span,
          (($3::jsonb -> s.criticality ->> 'resolutionMinutes')::int * 3) * interval '1 minute' AS res_span
     FROM shape s
     JOIN bench.companies c ON c.n = s.company_n
     JOIN bench.customers cu ON cu.company_n = s.company_n AND cu.k = s.i % ${CUSTOMERS_PER_COMPANY}`,
  `CREATE TEMP TABLE txt ON COMMIT DROP AS
   SELECT t.id, s.body AS subject, d.body AS description, s.fr AS subject_fr, s.de AS subject_de,
          d.fr AS description_fr, d.de AS description_de
     FROM t
     CROSS JOIN bench.seed pool
     JOIN bench.texts s ON s.kind = 'subject' AND s.lang = t.lang AND s.n = floor(t.r_subject * pool.pool_subject)::int
     JOIN bench.texts d
       ON d.kind = 'description' AND d.lang = t.lang AND d.n = floor(t.r_description * pool.pool_description)::int`,
  `INSERT INTO tickets (id, desk, key, number, company_id, project_id, request_type_id, criticality, status,
                       subject, description, software_version, societe, module, created_by, assignee_id,
                       close_reason, created_at, updated_at, qualified_at, closed_at, last_customer_activity_at,
                       engagement_due_at, resolution_due_at, sla_state)
   SELECT t.id, t.desk::desk, CASE WHEN t.key_desk = 'consulting' THEN 'CON-' ELSE 'SUP-' END || t.number, t.number,
          t.company_id, t.project_id, t.request_type_id, t.criticality::criticality, t.status::ticket_status,
          x.subject, x.description,
          format('%s.%s', 10 + t.i % 5, t.i % 12), NULL, CASE WHEN t.i % 3 = 0 THEN 'Finance' END,
          t.creator_id, t.assignee_id, t.close_reason::close_reason, t.created_at, t.updated_at,
          CASE WHEN t.status <> 'open' THEN t.created_at + (t.updated_at - t.created_at) * 0.1 END,
          CASE WHEN t.status = 'closed' THEN t.updated_at END,
          t.created_at,
          CASE WHEN t.desk = 'support' AND t.status IN ('open', 'qualified') THEN t.created_at + t.eng_span END,
          CASE WHEN t.desk = 'support' AND t.status IN ('open', 'qualified', 'in_progress') THEN t.created_at + t.res_span END,
          CASE
            WHEN t.key_desk = 'consulting' THEN 'none'
            WHEN t.status = 'transferred_consulting' THEN 'stopped'
            WHEN t.status = 'closed' THEN CASE WHEN t.r_sla < 0.88 THEN 'met' ELSE 'breached' END
            WHEN t.status IN ('waiting_customer', 'waiting_development', 'transferred_development') THEN 'paused'
            WHEN t.created_at + t.res_span < t.anchor
              OR (t.status IN ('open', 'qualified') AND t.created_at + t.eng_span < t.anchor) THEN 'breached'
            WHEN t.anchor > t.created_at + t.res_span * 0.75
              OR (t.status IN ('open', 'qualified') AND t.anchor > t.created_at + t.eng_span * 0.75) THEN 'at_risk'
            ELSE 'running'
          END
     FROM t JOIN txt x ON x.id = t.id
    ORDER BY t.i`,
  // The conversation: the customer writes first, then staff and customer alternate.
  `CREATE TEMP TABLE m ON COMMIT DROP AS
   SELECT t.id AS ticket_id, t.i, g.k, gen_random_uuid() AS id,
          CASE WHEN g.k % 2 = 0 THEN t.creator_id ELSE coalesce(t.assignee_id, t.triage_id) END AS author_id,
          g.k % 2 = 1 AND random() < 0.2 AS internal,
          t.created_at + (t.updated_at - t.created_at) * ((g.k + 1)::float8 / (t.nmsg + 1)) AS created_at,
          p.body, p.fr, p.de
     FROM t
     CROSS JOIN LATERAL generate_series(0, t.nmsg - 1) AS g(k)
     CROSS JOIN bench.seed pool
     CROSS JOIN LATERAL (SELECT floor(random() * pool.pool_message)::int + 0 * g.k AS n) pick
     JOIN bench.texts p ON p.kind = 'message' AND p.lang = t.lang AND p.n = pick.n`,
  `INSERT INTO ticket_messages (id, ticket_id, author_id, body, visibility, source, refused, created_at)
   SELECT id, ticket_id, author_id, body, CASE WHEN internal THEN 'internal' ELSE 'public' END::visibility,
          'portal', false, created_at
     FROM m ORDER BY i, k`,
  // The timeline, in the order things happened (the identity gives the order).
  `INSERT INTO ticket_events (ticket_id, at, actor_id, kind, visibility, before, after, data)
   SELECT ticket_id, at, actor_id, kind, visibility::visibility, before, after, data FROM (
     SELECT t.i, 0 AS ord, t.id AS ticket_id, t.created_at AS at, t.creator_id AS actor_id, 'created' AS kind,
            'public' AS visibility, NULL::jsonb AS before, NULL::jsonb AS after,
            jsonb_build_object('desk', t.key_desk, 'key', CASE WHEN t.key_desk = 'consulting' THEN 'CON-' ELSE 'SUP-' END || t.number,
                               'criticality', t.criticality, 'requestTypeId', t.request_type_id,
                               'projectId', t.project_id, 'linkedTicketId', NULL, 'onBehalfOf', NULL) AS data
       FROM t
     UNION ALL
     SELECT t.i, 1, t.id, t.created_at + (t.updated_at - t.created_at) * 0.1, t.triage_id, 'qualified', 'public',
            '{"status":"open"}', '{"status":"qualified"}', '{}'
       FROM t WHERE t.status <> 'open' AND t.key_desk = 'support'
     UNION ALL
     SELECT t.i, 2, t.id, t.created_at + (t.updated_at - t.created_at) * 0.12, t.assignee_id, 'taken', 'public',
            jsonb_build_object('status', CASE WHEN t.key_desk = 'support' THEN 'qualified' ELSE 'open' END, 'assigneeId', NULL),
            jsonb_build_object('status', 'in_progress', 'assigneeId', t.assignee_id), '{}'
       FROM t WHERE t.assignee_id IS NOT NULL
     UNION ALL
     SELECT m.i, 3, m.ticket_id, m.created_at, m.author_id, CASE WHEN m.internal THEN 'internal_note' ELSE 'message' END,
            CASE WHEN m.internal THEN 'internal' ELSE 'public' END, NULL, NULL,
            CASE WHEN m.k % 2 = 1 THEN jsonb_build_object('messageId', m.id, 'source', 'portal', 'byStaff', true)
                 ELSE jsonb_build_object('messageId', m.id, 'source', 'portal') END
       FROM m
     UNION ALL
     SELECT t.i, 4, t.id, t.updated_at, t.assignee_id,
            CASE WHEN t.status = 'closed' THEN 'closed' WHEN t.status = 'transferred_consulting' THEN 'transferred'
                 ELSE 'status_changed' END,
            'public', '{"status":"in_progress"}',
            CASE WHEN t.status = 'closed'
                 THEN jsonb_build_object('status', 'closed', 'closeReason', t.close_reason, 'closedAt', t.updated_at)
                 ELSE jsonb_build_object('status', t.status) END,
            '{}'
       FROM t WHERE t.status IN ('closed', 'waiting_customer', 'waiting_development', 'transferred_development', 'transferred_consulting')
   ) e
   ORDER BY i, at, ord`,
  `INSERT INTO ticket_sla (ticket_id, next_at_risk_at, next_breach_at, targets, computed_at)
   SELECT t.id,
          CASE WHEN x.sla_state = 'running' THEN
            CASE WHEN t.status IN ('open', 'qualified') THEN t.created_at + t.eng_span * 0.75 ELSE t.created_at + t.res_span * 0.75 END
          END,
          CASE WHEN x.sla_state IN ('running', 'at_risk') THEN coalesce(x.engagement_due_at, x.resolution_due_at) END,
          $3::jsonb, t.updated_at
     FROM t JOIN tickets x ON x.id = t.id`,
  // The same documents as guichet_reindex_ticket_search (migration search_ticket_index), assembled
  // from the pooled texts' documents in the function's order: subject A, description B, public
  // messages C (in time order), internal notes D.
  `INSERT INTO ticket_search (ticket_id, company_id, created_at, public_vector, staff_vector)
   SELECT t.id, t.company_id, t.created_at, doc.public_doc,
          doc.public_doc || (setweight(coalesce(mm.internal_fr, ''), 'D') || setweight(coalesce(mm.internal_de, ''), 'D'))
     FROM t
     JOIN txt x ON x.id = t.id
     LEFT JOIN (
       SELECT ticket_id,
              bench.tsv_cat(fr ORDER BY created_at) FILTER (WHERE NOT internal) AS public_fr,
              bench.tsv_cat(de ORDER BY created_at) FILTER (WHERE NOT internal) AS public_de,
              bench.tsv_cat(fr ORDER BY created_at) FILTER (WHERE internal) AS internal_fr,
              bench.tsv_cat(de ORDER BY created_at) FILTER (WHERE internal) AS internal_de
         FROM m GROUP BY ticket_id
     ) mm ON mm.ticket_id = t.id
     CROSS JOIN LATERAL (
       SELECT (setweight(x.subject_fr, 'A') || setweight(x.subject_de, 'A'))
              || (setweight(x.description_fr, 'B') || setweight(x.description_de, 'B'))
              || (setweight(coalesce(mm.public_fr, ''), 'C') || setweight(coalesce(mm.public_de, ''), 'C')) AS public_doc
     ) doc`,
  `INSERT INTO bench.batches VALUES ($1::int, $2::int)`,
];

/** Renumbers the placeholders a statement uses ($2, $4 → $1, $2) and passes only those values. */
function withParams(statement: string, params: unknown[]): [string, unknown[]] {
  const used = [...new Set((statement.match(/\$\d\b/g) ?? []).map((p) => Number(p.slice(1))))].sort();
  const text = statement.replace(/\$(\d)\b/g, (_, n: string) => `$${used.indexOf(Number(n)) + 1}`);
  return [text, used.map((n) => params[n - 1])];
}

/**
 * Checks on a sample that the seeded search documents equal what the application's own function
 * builds, then rolls the check back.
 */
async function verifySearchDocuments(client: SeedSql): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query(`CREATE TEMP TABLE sample ON COMMIT DROP AS
      SELECT ticket_id, company_id, created_at, public_vector, staff_vector FROM ticket_search ORDER BY random() LIMIT 200`);
    await client.query('SELECT guichet_reindex_ticket_search(ticket_id) FROM sample');
    const result = await client.query<{ n: number; differ: number }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE s.public_vector <> x.public_vector OR s.staff_vector <> x.staff_vector
                               OR s.company_id <> x.company_id OR s.created_at <> x.created_at)::int AS differ
         FROM sample s JOIN ticket_search x USING (ticket_id)`,
    );
    const row = result.rows[0];
    if (row?.differ)
      throw new Error(`${row.differ} of ${row.n} seeded search documents differ from the app's`);
    return row?.n ?? 0;
  } finally {
    await client.query('ROLLBACK');
  }
}

/** The ranges of 1..target no committed batch covers yet, cut into batches. */
async function pendingBatches(client: SeedSql, target: number, size: number): Promise<[number, number][]> {
  const done = await client.query<{ first: number; last: number }>(
    'SELECT first, last FROM bench.batches ORDER BY first',
  );
  const pending: [number, number][] = [];
  let next = 1;
  const cut = (from: number, to: number) => {
    for (let first = from; first <= to; first += size) pending.push([first, Math.min(to, first + size - 1)]);
  };
  for (const row of done.rows) {
    if (row.first > next) cut(next, Math.min(target, row.first - 1));
    next = Math.max(next, row.last + 1);
  }
  if (next <= target) cut(next, target);
  return pending.filter(([first]) => first <= target);
}

/** Sequence numbers first..last taken by consulting requests (every seventh) and by support tickets. */
function deskCounts(first: number, last: number): { consulting: number; support: number } {
  const consulting = Math.floor(last / 7) - Math.floor((first - 1) / 7);
  return { consulting, support: last - first + 1 - consulting };
}

/** Takes the desk numbers of a batch at once (a short transaction of its own, as the app does). */
async function reserveNumbers(client: SeedSql, first: number, last: number): Promise<[number, number]> {
  const counts = deskCounts(first, last);
  const result = await client.query<{ desk: string; last_number: number }>(
    `UPDATE desk_counters SET last_number = last_number + CASE WHEN desk = 'consulting' THEN $2::int ELSE $1::int END
     RETURNING desk, last_number`,
    [counts.support, counts.consulting],
  );
  const base = (desk: 'support' | 'consulting') =>
    (result.rows.find((r) => r.desk === desk)?.last_number ?? 0) - counts[desk];
  return [base('support'), base('consulting')];
}

async function main() {
  const target = Math.floor(numberArg('tickets', 1_000_000));
  const batch = Math.max(1000, Math.floor(numberArg('batch', 10_000)));
  const pglite = process.argv.includes('--pglite');
  const profile = process.argv.includes('--profile');
  const started = performance.now();
  const destination = pglite ? await pgliteTarget(benchDataDir) : await postgresTarget(benchDatabaseUrl);
  const workers = Math.max(1, Math.min(destination.maxWorkers, Math.floor(numberArg('workers', 2))));
  console.log(`seeding ${destination.name}`);
  const client = await destination.session();
  try {
    await seedReferenceData(client, target);
    const state = await client.query<{ target: number }>('SELECT target FROM bench.seed');
    const seedTarget = state.rows[0]?.target ?? target;
    const pending = await pendingBatches(client, target, batch);
    if (pending.length === 0) {
      console.log(`already seeded with at least ${target.toLocaleString('en')} tickets, nothing to do`);
    } else {
      if (seedTarget !== target)
        console.log(`history spread over ${seedTarget.toLocaleString('en')} tickets`);
      const total = pending.reduce((n, [first, last]) => n + last - first + 1, 0);
      console.log(
        `seeding ${total.toLocaleString('en')} tickets up to ${target.toLocaleString('en')}: ${pending.length} batches, ${workers} connections`,
      );
      const words = [frenchWords as readonly string[], germanWords as readonly string[]];
      const stepMs: number[] = [];
      let written = 0;
      const work = async () => {
        const session = await destination.session();
        try {
          for (let range = pending.shift(); range; range = pending.shift()) {
            const [first, last] = range;
            const t0 = performance.now();
            const [supportBase, consultingBase] = await reserveNumbers(session, first, last);
            const params = [
              first,
              last,
              targetsJson,
              words[0],
              words[1],
              supportBase,
              consultingBase,
              fillerWords,
            ];
            await session.query('BEGIN');
            try {
              for (const [index, statement] of batchSql.entries()) {
                const s0 = performance.now();
                await session.query(...withParams(statement, params));
                if (profile) stepMs[index] = (stepMs[index] ?? 0) + performance.now() - s0;
              }
              await session.query('COMMIT');
            } catch (error) {
              await session.query('ROLLBACK').catch(() => undefined);
              throw error;
            }
            written += last - first + 1;
            const seconds = (performance.now() - started) / 1000;
            console.log(
              `  ${written.toLocaleString('en').padStart(11)} written  batch ${first}…${last} ${((performance.now() - t0) / 1000).toFixed(1)} s  ` +
                `${Math.round(written / seconds).toLocaleString('en')} tickets/s overall, ${seconds.toFixed(0)} s`,
            );
          }
        } finally {
          await session.end();
        }
      };
      await Promise.all(Array.from({ length: workers }, work));
      if (profile) {
        for (const [index, ms] of stepMs.entries()) {
          const head = (batchSql[index] ?? '').replace(/\s+/g, ' ').slice(0, 60);
          console.log(`  ${(ms / 1000).toFixed(1).padStart(7)} s  ${head}`);
        }
      }
      console.log('vacuum and analyse (merges the search index pending lists)');
      await client.query(
        'VACUUM ANALYZE tickets, ticket_events, ticket_messages, ticket_search, ticket_sla, companies, users',
      );
    }
    const checked = await verifySearchDocuments(client);
    const counts = await client.query<{ tickets: number; events: number; messages: number; active: number }>(
      `SELECT (SELECT count(*) FROM tickets)::int AS tickets,
              (SELECT count(*) FROM ticket_events)::int AS events,
              (SELECT count(*) FROM ticket_messages)::int AS messages,
              (SELECT count(*) FROM tickets WHERE status <> 'closed')::int AS active`,
    );
    const size = await client.query<{ size: string }>(
      'SELECT pg_size_pretty(pg_database_size(current_database())) AS size',
    );
    const c = counts.rows[0];
    console.log(
      `database: ${c?.tickets.toLocaleString('en')} tickets (${c?.active.toLocaleString('en')} not closed), ` +
        `${c?.events.toLocaleString('en')} events, ${c?.messages.toLocaleString('en')} messages, ${size.rows[0]?.size}; ` +
        `${checked} search documents checked against the app's function`,
    );
    console.log(`seed done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
    await destination.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

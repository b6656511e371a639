import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

const day = 86_400_000;

/** Answered surveys of one agent or one company over the last 30 or 90 days. */
export interface SatisfactionFigure {
  days: 30 | 90;
  /** The agent (assignee at closing) or the company; null for tickets closed unassigned. */
  id: string | null;
  name: string | null;
  answers: number;
  /** Mean score (1–5), two decimals. */
  averageScore: number;
}

export interface Satisfaction {
  byAgent: SatisfactionFigure[];
  byCompany: SatisfactionFigure[];
}

interface FoundRow {
  id: string | null;
  name: string | null;
  answers30: number;
  average30: number | null;
  answers90: number;
  average90: number | null;
}

/**
 * Satisfaction surveys answered in the last 30 and 90 days: how many and their mean score, per
 * agent (the assignee when the ticket closed) and per company.
 */
export async function satisfactionFigures(db: Db, now: Date): Promise<Satisfaction> {
  const [byAgent, byCompany] = await Promise.all([
    grouped(db, now, sql`s.agent_id`, sql`left join users g on g.id = s.agent_id`),
    grouped(db, now, sql`s.company_id`, sql`join companies g on g.id = s.company_id`),
  ]);
  return { byAgent, byCompany };
}

async function grouped(db: Db, now: Date, key: ReturnType<typeof sql>, join: ReturnType<typeof sql>) {
  const since30 = new Date(now.getTime() - 30 * day).toISOString();
  const since90 = new Date(now.getTime() - 90 * day).toISOString();
  const in30 = sql`s.answered_at >= ${since30}::timestamptz`;
  const result = (await db.execute(
    sql`select ${key} as id, g.name as name,
          (count(*) filter (where ${in30}))::int as "answers30",
          round(avg(s.score) filter (where ${in30}), 2)::float8 as "average30",
          count(*)::int as "answers90",
          round(avg(s.score), 2)::float8 as "average90"
        from satisfaction_surveys s ${join}
        where s.answered_at >= ${since90}::timestamptz and s.answered_at <= ${now.toISOString()}::timestamptz
        group by 1, 2
        order by g.name nulls last`,
  )) as unknown as { rows: FoundRow[] };
  const out: SatisfactionFigure[] = [];
  for (const days of [30, 90] as const) {
    for (const row of result.rows) {
      const answers = Number(days === 30 ? row.answers30 : row.answers90);
      const average = days === 30 ? row.average30 : row.average90;
      if (answers === 0 || average === null) continue;
      out.push({ days, id: row.id, name: row.name, answers, averageScore: Number(average) });
    }
  }
  return out;
}

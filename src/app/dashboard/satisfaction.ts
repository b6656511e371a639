import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Criticality, Desk } from '../../domain/tickets/index';
import type { Actor, AppContext } from '../context';
import { authorize, policy } from '../policy';

const day = 86_400_000;

/** The periods the dashboard offers, in days before now. */
export const SATISFACTION_PERIODS = [30, 90] as const;
export type SatisfactionPeriod = (typeof SATISFACTION_PERIODS)[number];

/** How many of the latest comments the dashboard shows. */
export const LATEST_COMMENTS = 10;

/** Surveys answered in the period for one group: how many and their mean score (1–5, two decimals). */
export interface SatisfactionFigure<K> {
  key: K;
  name: string | null;
  answers: number;
  averageScore: number;
}

export interface SatisfactionComment {
  ticketId: string;
  ticketKey: string;
  score: number;
  comment: string;
  answeredAt: Date;
}

export interface Satisfaction {
  days: SatisfactionPeriod;
  byDesk: SatisfactionFigure<Desk>[];
  byCriticality: SatisfactionFigure<Criticality>[];
  /** The assignee at closing; key null for tickets closed unassigned. */
  byAgent: SatisfactionFigure<string | null>[];
  byCompany: SatisfactionFigure<string>[];
  /** The latest answers with a comment, newest first. */
  comments: SatisfactionComment[];
}

type Sql = ReturnType<typeof sql>;

/**
 * Satisfaction surveys answered over the last 30 or 90 days: count and mean score per desk, per
 * criticality (the ticket's, as closed), per agent (the assignee at closing) and per company, and
 * the latest comments.
 */
export async function satisfactionOver(
  ctx: AppContext,
  actor: Actor,
  days: SatisfactionPeriod,
): Promise<Satisfaction> {
  authorize(policy.workAsStaff(actor));
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - days * day).toISOString();
  const until = now.toISOString();
  const within = sql`s.answered_at >= ${since}::timestamptz and s.answered_at <= ${until}::timestamptz`;
  const grouped = <K>(key: Sql, name: Sql, join: Sql) => groupedBy<K>(ctx.db, within, key, name, join);
  const none = sql``;
  const [byDesk, byCriticality, byAgent, byCompany, comments] = await Promise.all([
    grouped<Desk>(sql`t.desk`, sql`null::text`, none),
    grouped<Criticality>(sql`t.criticality`, sql`null::text`, none),
    grouped<string | null>(sql`s.agent_id`, sql`g.name`, sql`left join users g on g.id = s.agent_id`),
    grouped<string>(sql`s.company_id`, sql`g.name`, sql`join companies g on g.id = s.company_id`),
    latestComments(ctx.db, within),
  ]);
  return { days, byDesk, byCriticality, byAgent, byCompany, comments };
}

async function groupedBy<K>(db: Db, within: Sql, key: Sql, name: Sql, join: Sql) {
  const result = (await db.execute(
    sql`select ${key} as key, ${name} as name, count(*)::int as answers,
          round(avg(s.score), 2)::float8 as average
        from satisfaction_surveys s join tickets t on t.id = s.ticket_id ${join}
        where ${within}
        group by 1, 2
        order by 2 nulls last, 1`,
  )) as unknown as { rows: { key: K; name: string | null; answers: number; average: number }[] };
  return result.rows.map(
    (row): SatisfactionFigure<K> => ({
      key: row.key,
      name: row.name,
      answers: Number(row.answers),
      averageScore: Number(row.average),
    }),
  );
}

async function latestComments(db: Db, within: Sql): Promise<SatisfactionComment[]> {
  const result = (await db.execute(
    sql`select s.ticket_id as "ticketId", t.key as "ticketKey", s.score, s.comment,
          s.answered_at as "answeredAt"
        from satisfaction_surveys s join tickets t on t.id = s.ticket_id
        where ${within} and s.comment is not null
        order by s.answered_at desc, t.key desc
        limit ${LATEST_COMMENTS}`,
  )) as unknown as { rows: (Omit<SatisfactionComment, 'answeredAt'> & { answeredAt: Date | string })[] };
  return result.rows.map((row) => ({
    ...row,
    score: Number(row.score),
    answeredAt: new Date(row.answeredAt),
  }));
}

import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { zurichDateOf } from '../../domain/calendar/index';
import { CRITICALITIES, type Criticality } from '../../domain/tickets/index';
import type { Actor, AppContext } from '../context';
import { authorize, policy } from '../policy';

const day = 86_400_000;

export interface SlaCompliance {
  criticality: Criticality;
  days: 30 | 90;
  met: number;
  breached: number;
}
export interface AtRiskTicket {
  id: string;
  key: string;
  subject: string;
  status: string;
  criticality: Criticality;
  companyName: string;
  assigneeName: string | null;
  state: 'at_risk' | 'breached';
  engagementDueAt: Date | null;
  resolutionDueAt: Date | null;
}
export type AgeBucket = 'lt1d' | 'd1to3' | 'd3to7' | 'd7to30' | 'gt30d';
export const AGE_BUCKETS: readonly AgeBucket[] = ['lt1d', 'd1to3', 'd3to7', 'd7to30', 'gt30d'];

export interface Dashboard {
  generatedAt: Date;
  slaCompliance: SlaCompliance[];
  backlogByStatus: { status: string; count: number }[];
  backlogByAge: { bucket: AgeBucket; count: number }[];
  atRisk: AtRiskTicket[];
  autoClosings: { week: string; count: number }[];
  flexConsumption: { companyId: string; companyName: string; month: string; minutes: number }[];
}

/**
 * The staff dashboard, each figure one SQL aggregate over an index: SLA compliance per criticality
 * over 30 and 90 days (tickets created in the window, breached when a clock went past its target),
 * the open backlog by status and by age, the tickets at risk or breached now, automatic closings
 * (no answer, R9) per week over twelve weeks, and Flex minutes per company per month over twelve
 * months. Satisfaction has its own query, over the period the reader chooses (satisfaction.ts).
 */
export async function getDashboard(ctx: AppContext, actor: Actor): Promise<Dashboard> {
  authorize(policy.workAsStaff(actor));
  const now = ctx.clock.now();
  const [compliance, byStatus, byAge, atRisk, closings, flex] = await Promise.all([
    slaCompliance(ctx.db, now),
    backlogByStatus(ctx.db),
    backlogByAge(ctx.db, now),
    atRiskNow(ctx.db, now),
    autoClosingsPerWeek(ctx.db, now),
    flexPerMonth(ctx.db, now),
  ]);
  return {
    generatedAt: now,
    slaCompliance: compliance,
    backlogByStatus: byStatus,
    backlogByAge: byAge,
    atRisk,
    autoClosings: closings,
    flexConsumption: flex,
  };
}

/** Both engines answer `execute` with `{ rows }`. */
async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A clock went past its target: stored as breached at the last change, or crossed since. */
const breachedNow = (now: Date) =>
  sql`(t.sla_state = 'breached' or exists (select 1 from ticket_sla s where s.ticket_id = t.id and s.next_breach_at <= ${now.toISOString()}::timestamptz))`;
const atRiskSince = (now: Date) =>
  sql`(t.sla_state = 'at_risk' or exists (select 1 from ticket_sla s where s.ticket_id = t.id and s.next_at_risk_at <= ${now.toISOString()}::timestamptz))`;

async function slaCompliance(db: Db, now: Date): Promise<SlaCompliance[]> {
  const since90 = new Date(now.getTime() - 90 * day);
  const since30 = new Date(now.getTime() - 30 * day);
  const found = await rows<{
    criticality: Criticality;
    total90: number;
    breached90: number;
    total30: number;
    breached30: number;
  }>(
    db,
    sql`select t.criticality,
          count(*)::int as total90,
          (count(*) filter (where ${breachedNow(now)}))::int as breached90,
          (count(*) filter (where t.created_at >= ${since30.toISOString()}::timestamptz))::int as total30,
          (count(*) filter (where t.created_at >= ${since30.toISOString()}::timestamptz and ${breachedNow(now)}))::int as breached30
        from tickets t
        where t.created_at >= ${since90.toISOString()}::timestamptz and t.created_at <= ${now.toISOString()}::timestamptz
          and t.sla_state is not null
        group by t.criticality`,
  );
  const out: SlaCompliance[] = [];
  for (const days of [30, 90] as const) {
    for (const criticality of CRITICALITIES) {
      const row = found.find((r) => r.criticality === criticality);
      const total = Number((days === 30 ? row?.total30 : row?.total90) ?? 0);
      const breached = Number((days === 30 ? row?.breached30 : row?.breached90) ?? 0);
      out.push({ criticality, days, met: total - breached, breached });
    }
  }
  return out;
}

async function backlogByStatus(db: Db) {
  const found = await rows<{ status: string; count: number }>(
    db,
    sql`select t.status::text as status, count(*)::int as count from tickets t
        where t.status <> 'closed' group by t.status order by t.status`,
  );
  return found.map((r) => ({ status: r.status, count: Number(r.count) }));
}

async function backlogByAge(db: Db, now: Date) {
  const at = (days: number) => new Date(now.getTime() - days * day).toISOString();
  const found = await rows<{ bucket: AgeBucket; count: number }>(
    db,
    sql`select case
          when t.created_at > ${at(1)}::timestamptz then 'lt1d'
          when t.created_at > ${at(3)}::timestamptz then 'd1to3'
          when t.created_at > ${at(7)}::timestamptz then 'd3to7'
          when t.created_at > ${at(30)}::timestamptz then 'd7to30'
          else 'gt30d' end as bucket,
          count(*)::int as count
        from tickets t where t.status <> 'closed' group by 1`,
  );
  return AGE_BUCKETS.map((bucket) => ({
    bucket,
    count: Number(found.find((r) => r.bucket === bucket)?.count ?? 0),
  }));
}

async function atRiskNow(db: Db, now: Date): Promise<AtRiskTicket[]> {
  const found = await rows<{
    id: string;
    key: string;
    subject: string;
    status: string;
    criticality: Criticality;
    company_name: string;
    assignee_name: string | null;
    breached: boolean;
    engagement_due_at: string | Date | null;
    resolution_due_at: string | Date | null;
  }>(
    db,
    sql`select t.id, t.key, t.subject, t.status::text as status, t.criticality::text as criticality,
          c.name as company_name, a.name as assignee_name, ${breachedNow(now)} as breached,
          t.engagement_due_at, t.resolution_due_at
        from tickets t
        join companies c on c.id = t.company_id
        left join users a on a.id = t.assignee_id
        where t.status not in ('closed', 'transferred_consulting')
          and (${breachedNow(now)} or ${atRiskSince(now)})
        order by least(t.engagement_due_at, t.resolution_due_at) asc nulls last, t.id
        limit 50`,
  );
  const date = (v: string | Date | null) => (v === null ? null : new Date(v));
  return found.map((r) => ({
    id: r.id,
    key: r.key,
    subject: r.subject,
    status: r.status,
    criticality: r.criticality,
    companyName: r.company_name,
    assigneeName: r.assignee_name,
    state: r.breached ? 'breached' : 'at_risk',
    engagementDueAt: date(r.engagement_due_at),
    resolutionDueAt: date(r.resolution_due_at),
  }));
}

async function autoClosingsPerWeek(db: Db, now: Date) {
  const found = await rows<{ week: string; count: number }>(
    db,
    sql`with weeks as (
          select generate_series(
            date_trunc('week', ${now.toISOString()}::timestamptz at time zone 'Europe/Zurich') - interval '11 weeks',
            date_trunc('week', ${now.toISOString()}::timestamptz at time zone 'Europe/Zurich'),
            interval '1 week') as week)
        select to_char(w.week, 'YYYY-MM-DD') as week, count(t.id)::int as count
        from weeks w
        left join tickets t on t.close_reason = 'no_answer'
          and t.closed_at >= (w.week at time zone 'Europe/Zurich')
          and t.closed_at < ((w.week + interval '1 week') at time zone 'Europe/Zurich')
        group by w.week order by w.week`,
  );
  return found.map((r) => ({ week: r.week, count: Number(r.count) }));
}

async function flexPerMonth(db: Db, now: Date) {
  const since = zurichDateOf(new Date(now.getTime() - 366 * day));
  const found = await rows<{ company_id: string; company_name: string; month: string; minutes: number }>(
    db,
    sql`select te.company_id, c.name as company_name,
          to_char(date_trunc('month', te.work_date), 'YYYY-MM') as month,
          sum(te.minutes)::int as minutes
        from time_entries te join companies c on c.id = te.company_id
        where te.billing = 'flex' and te.work_date >= ${since}::date
        group by te.company_id, c.name, 3
        order by 3, c.name`,
  );
  return found.map((r) => ({
    companyId: r.company_id,
    companyName: r.company_name,
    month: r.month,
    minutes: Number(r.minutes),
  }));
}

import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { contracts, slaOverrides } from '../../db/schema/index';
import { zurichDateOf } from '../../domain/calendar/index';
import type { SlaTargetsOverride } from '../../domain/sla/index';
import { activeContract, activeOn } from './contracts';

/** R1: whether the company has a maintenance contract running on today's Zurich date. */
export async function hasActiveMaintenance(db: DbOrTx, companyId: string, now: Date): Promise<boolean> {
  return (await activeContract(db, companyId, 'maintenance', zurichDateOf(now))) !== null;
}

/** The maintenance contract a ticket opens under, and the SLA targets it overrides (R1, R7). */
export interface MaintenanceTerms {
  contractId: string | null;
  override: SlaTargetsOverride;
}

/**
 * The company's maintenance contract running on the Zurich date of `at` (the most recently started
 * one when a renewal overlaps, as activeContract chooses) with its SLA overrides, in one query;
 * null when none runs (R1: no ticket may be opened).
 */
export async function maintenanceTerms(
  db: DbOrTx,
  companyId: string,
  at: Date,
): Promise<MaintenanceTerms | null> {
  const [row] = await maintenanceTermsQuery(db, companyId, at);
  return row ? { contractId: row.contractId, override: row.override ?? {} } : null;
}

/** The query of `maintenanceTerms`, for callers that read it together with other things. */
export function maintenanceTermsQuery(db: DbOrTx, companyId: string, at: Date) {
  return db
    .select({ contractId: contracts.id, override: slaOverrides.targets })
    .from(contracts)
    .leftJoin(slaOverrides, eq(slaOverrides.contractId, contracts.id))
    .where(
      and(
        eq(contracts.companyId, companyId),
        eq(contracts.kind, 'maintenance'),
        activeOn(contracts, zurichDateOf(at)),
      ),
    )
    .orderBy(desc(contracts.startsOn), desc(contracts.createdAt))
    .limit(1);
}

/**
 * `maintenanceTerms` of many (company, instant) pairs in one query, by `termsKey`: each pair's
 * contract chosen as there (the most recently started of those running on its Zurich date).
 */
export async function maintenanceTermsOfMany(
  db: DbOrTx,
  pairs: readonly { companyId: string; at: Date }[],
): Promise<Map<string, MaintenanceTerms | null>> {
  const wanted = new Map(pairs.map((p) => [termsKey(p.companyId, p.at), p]));
  if (!wanted.size) return new Map();
  const days = [...wanted.values()].map((p) => ({ company: p.companyId, day: zurichDateOf(p.at) }));
  const result = await db.execute(sql`
    select v.company::text as company, v.day::text as day, m.id as "contractId", m.targets as override
      from jsonb_to_recordset(${JSON.stringify(days)}::jsonb) as v(company uuid, day date)
      left join lateral (
        select ${contracts.id} as id, ${slaOverrides.targets} as targets
          from ${contracts} left join ${slaOverrides} on ${slaOverrides.contractId} = ${contracts.id}
         where ${contracts.companyId} = v.company and ${contracts.kind} = 'maintenance'
           and ${activeOn(contracts, sql`v.day`)}
         order by ${contracts.startsOn} desc, ${contracts.createdAt} desc
         limit 1
      ) m on true`);
  const rows = (result as unknown as { rows: TermsRow[] }).rows;
  const byDay = new Map(rows.map((r) => [`${r.company}|${r.day}`, r]));
  const terms = new Map<string, MaintenanceTerms | null>();
  for (const [key, pair] of wanted) {
    const row = byDay.get(`${pair.companyId}|${zurichDateOf(pair.at)}`);
    terms.set(
      key,
      row?.contractId
        ? { contractId: row.contractId, override: (row.override as SlaTargetsOverride) ?? {} }
        : null,
    );
  }
  return terms;
}

interface TermsRow {
  company: string;
  day: string;
  contractId: string | null;
  override: unknown;
}

export const termsKey = (companyId: string, at: Date): string => `${companyId}|${zurichDateOf(at)}`;

/**
 * R1 as the customer is told it before filling any form: a contract running today, one that ended
 * (and when), or none ever signed.
 */
export type MaintenanceStanding =
  | { state: 'active'; endedOn: null }
  | { state: 'expired'; endedOn: string }
  | { state: 'none'; endedOn: null };

export async function maintenanceStanding(
  db: DbOrTx,
  companyId: string,
  now: Date,
): Promise<MaintenanceStanding> {
  const today = zurichDateOf(now);
  if (await activeContract(db, companyId, 'maintenance', today)) return { state: 'active', endedOn: null };
  const [ended] = await db
    .select({ endsOn: contracts.endsOn })
    .from(contracts)
    .where(
      and(eq(contracts.companyId, companyId), eq(contracts.kind, 'maintenance'), lt(contracts.endsOn, today)),
    )
    .orderBy(desc(contracts.endsOn))
    .limit(1);
  return ended?.endsOn ? { state: 'expired', endedOn: ended.endsOn } : { state: 'none', endedOn: null };
}

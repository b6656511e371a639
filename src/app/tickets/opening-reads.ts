import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { requestTypes, settings } from '../../db/schema/index';
import type { MaintenanceTerms } from '../admin/maintenance';
import { maintenanceTermsQuery } from '../admin/maintenance';
import type { RequestType } from '../catalogue/request-types';
import { CALENDAR_CONFIG_KEY, SLA_TARGETS_KEY, type SlaConfig, slaConfigOf } from '../sla-settings';

/** What a creation reads before it checks anything: settings, contract terms, request type. */
export interface OpeningReads {
  slaConfig: SlaConfig;
  /** Null when no maintenance contract runs (R1). */
  terms: MaintenanceTerms | null;
  /** Undefined when none was given or it does not exist. */
  requestType: RequestType | undefined;
}

/**
 * The SLA settings (`readSlaConfig`), the company's maintenance terms (`maintenanceTerms`) and the
 * request type asked for, in one query: the same reads, in one round trip instead of three.
 */
export async function openingReads(
  tx: Tx,
  input: { companyId: string; at: Date; requestTypeId: string | undefined },
): Promise<OpeningReads> {
  const terms = maintenanceTermsQuery(tx, input.companyId, input.at).as('terms');
  const stored = (key: string) =>
    sql<unknown>`(select ${settings.value} from ${settings} where ${settings.key} = ${key})`;
  const [row] = await tx
    .select({
      targets: stored(SLA_TARGETS_KEY),
      calendar: stored(CALENDAR_CONFIG_KEY),
      contractId: terms.contractId,
      override: terms.override,
      requestType: requestTypes,
    })
    .from(sql`(select 1) as opening`)
    .leftJoinLateral(terms, sql`true`)
    .leftJoin(requestTypes, input.requestTypeId ? eq(requestTypes.id, input.requestTypeId) : sql`false`);
  if (!row) throw new Error('the opening reads returned nothing');
  return {
    slaConfig: slaConfigOf(row),
    terms: row.contractId === null ? null : { contractId: row.contractId, override: row.override ?? {} },
    requestType: row.requestType ?? undefined,
  };
}

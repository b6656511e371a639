import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { companies, contracts } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';

export type ContractKind = 'maintenance' | 'flex';
export type ContractRow = typeof contracts.$inferSelect;

/** Whether a contract covers a day: started on or before it, and not ended before it. */
export const isContractActive = (
  contract: Pick<ContractRow, 'startsOn' | 'endsOn'>,
  today: string,
): boolean => contract.startsOn <= today && (contract.endsOn === null || contract.endsOn >= today);

/** The same rule in SQL, over the contracts table or an alias of it (a correlated subquery). */
export const activeOn = (table: { startsOn: AnyPgColumn; endsOn: AnyPgColumn }, today: string | SQL): SQL =>
  sql`${table.startsOn} <= ${today}::date and (${table.endsOn} is null or ${table.endsOn} >= ${today}::date)`;

/**
 * The company's contract of this kind active on `today` (a Zurich date, see zurichDateOf), or null.
 * When several overlap (a renewal signed early), the most recently started one.
 */
export async function activeContract(
  db: DbOrTx,
  companyId: string,
  kind: ContractKind,
  today: string,
): Promise<ContractRow | null> {
  const [row] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.companyId, companyId), eq(contracts.kind, kind), activeOn(contracts, today)))
    .orderBy(desc(contracts.startsOn), desc(contracts.createdAt))
    .limit(1);
  return row ?? null;
}

async function assertCompanyExists(db: DbOrTx, companyId: string): Promise<void> {
  const [row] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.id, companyId))
    .limit(1);
  if (!row) throw new AppError('not_found');
}

export async function listContracts(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
): Promise<ContractRow[]> {
  authorize(policy.readAdministration(actor));
  await assertCompanyExists(ctx.db, companyId);
  return contractsOf(ctx.db, companyId);
}

export const contractsOf = (db: DbOrTx, companyId: string): Promise<ContractRow[]> =>
  db
    .select()
    .from(contracts)
    .where(eq(contracts.companyId, companyId))
    .orderBy(asc(contracts.kind), desc(contracts.startsOn), asc(contracts.id));

export interface ContractFields {
  reference: string;
  startsOn: string;
  endsOn: string | null;
  lowBalanceMinutes: number | null;
}

function checkContract(kind: ContractKind, fields: ContractFields): void {
  if (fields.endsOn !== null && fields.endsOn < fields.startsOn) throw new AppError('contract_dates_invalid');
  if (kind !== 'flex' && fields.lowBalanceMinutes !== null) throw new AppError('low_balance_flex_only');
}

export async function createContract(
  ctx: AppContext,
  actor: Actor,
  input: {
    companyId: string;
    kind: ContractKind;
    reference: string;
    startsOn: string;
    endsOn?: string | null;
    lowBalanceMinutes?: number | null;
  },
): Promise<ContractRow> {
  authorize(policy.administer(actor));
  const fields: ContractFields = {
    reference: input.reference,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    lowBalanceMinutes: input.lowBalanceMinutes ?? null,
  };
  checkContract(input.kind, fields);
  await assertCompanyExists(ctx.db, input.companyId);
  const [row] = await ctx.db
    .insert(contracts)
    .values({ companyId: input.companyId, kind: input.kind, ...fields, createdAt: ctx.clock.now() })
    .returning();
  if (!row) throw new Error('contract insert returned nothing');
  return row;
}

export async function updateContract(
  ctx: AppContext,
  actor: Actor,
  input: { contractId: string } & Partial<ContractFields>,
): Promise<ContractRow> {
  authorize(policy.administer(actor));
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(contracts).where(eq(contracts.id, input.contractId)).limit(1);
    if (!current) throw new AppError('not_found');
    const fields: ContractFields = {
      reference: input.reference ?? current.reference,
      startsOn: input.startsOn ?? current.startsOn,
      endsOn: input.endsOn === undefined ? current.endsOn : input.endsOn,
      lowBalanceMinutes:
        input.lowBalanceMinutes === undefined ? current.lowBalanceMinutes : input.lowBalanceMinutes,
    };
    checkContract(current.kind, fields);
    const [row] = await tx.update(contracts).set(fields).where(eq(contracts.id, current.id)).returning();
    if (!row) throw new AppError('not_found');
    return row;
  });
}

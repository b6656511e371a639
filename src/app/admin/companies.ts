import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { companies, contracts, users } from '../../db/schema/index';
import { zurichDateOf } from '../../domain/calendar/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { activeOn, type ContractRow, contractsOf } from './contracts';
import { containsPattern, decodeCursor, encodeCursor, pageSize } from './pagination';

export interface CompanySummary {
  id: string;
  name: string;
  mailDomains: string[];
  maintenanceActive: boolean;
  flexActive: boolean;
  userCount: number;
  createdAt: Date;
}

export interface CompanyDetail extends CompanySummary {
  contracts: ContractRow[];
  users: (typeof users.$inferSelect)[];
}

// Written with explicit table names: inside a select list the ORM leaves the columns of a table
// unqualified, which the correlated subquery would resolve against its own table (an alias's
// columns keep their name, so the rule of `activeOn` is reused as it is).
const k = alias(contracts, 'k');
const hasActive = (kind: 'maintenance' | 'flex', today: string) =>
  sql<boolean>`exists (select 1 from contracts k where k.company_id = "companies"."id"
    and k.kind = ${kind} and ${activeOn(k, today)})`;

function summaryColumns(today: string) {
  return {
    id: companies.id,
    name: companies.name,
    mailDomains: companies.mailDomains,
    createdAt: companies.createdAt,
    maintenanceActive: hasActive('maintenance', today),
    flexActive: hasActive('flex', today),
    userCount: sql<number>`(select count(*)::int from users u where u.company_id = "companies"."id")`,
  };
}

/** Companies by name, 50 a page, keyset-paginated on (name, id); searched by name or mail domain. */
export async function listCompanies(
  ctx: AppContext,
  actor: Actor,
  input: { search?: string; cursor?: string },
): Promise<{ items: CompanySummary[]; nextCursor: string | null }> {
  authorize(policy.readAdministration(actor));
  const conditions: SQL[] = [];
  if (input.search) {
    const pattern = containsPattern(input.search);
    conditions.push(
      sql`(${companies.name} ilike ${pattern} or array_to_string(${companies.mailDomains}, ' ') ilike ${pattern})`,
    );
  }
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    conditions.push(sql`(${companies.name}, ${companies.id}) > (${after.name}, ${after.id}::uuid)`);
  }
  const rows = await ctx.db
    .select(summaryColumns(zurichDateOf(ctx.clock.now())))
    .from(companies)
    .where(and(...conditions))
    .orderBy(asc(companies.name), asc(companies.id))
    .limit(pageSize + 1);
  const items = rows.slice(0, pageSize).map(normalise);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > pageSize && last ? encodeCursor(last.name, last.id) : null };
}

// Both engines already return numbers and booleans here (count is cast to int in SQL); Number()
// and Boolean() only make the types honest.
const normalise = (row: CompanySummary): CompanySummary => ({
  ...row,
  userCount: Number(row.userCount),
  maintenanceActive: Boolean(row.maintenanceActive),
  flexActive: Boolean(row.flexActive),
});

async function companySummary(db: DbOrTx, id: string, today: string): Promise<CompanySummary> {
  const [row] = await db.select(summaryColumns(today)).from(companies).where(eq(companies.id, id)).limit(1);
  if (!row) throw new AppError('not_found');
  return normalise(row);
}

/** One company with its contracts and its users. */
export async function getCompany(ctx: AppContext, actor: Actor, id: string): Promise<CompanyDetail> {
  authorize(policy.readAdministration(actor));
  const summary = await companySummary(ctx.db, id, zurichDateOf(ctx.clock.now()));
  return {
    ...summary,
    contracts: await contractsOf(ctx.db, id),
    users: await usersOf(ctx.db, id),
  };
}

export const usersOf = (db: DbOrTx, companyId: string) =>
  db.select().from(users).where(eq(users.companyId, companyId)).orderBy(asc(users.name), asc(users.id));

export async function listCompanyUsers(ctx: AppContext, actor: Actor, companyId: string) {
  authorize(policy.readAdministration(actor));
  await companySummary(ctx.db, companyId, zurichDateOf(ctx.clock.now()));
  return usersOf(ctx.db, companyId);
}

const normaliseDomains = (domains: string[]): string[] => [
  ...new Set(domains.map((d) => d.trim().toLowerCase()).filter(Boolean)),
];

/**
 * A mail domain names one company: inbound mail (R11) and account requests are matched to a
 * company by it, so two companies sharing one would be ambiguous.
 */
async function assertDomainsFree(db: DbOrTx, domains: string[], exceptCompanyId?: string): Promise<void> {
  if (domains.length === 0) return;
  const overlap = sql`${companies.mailDomains} && ARRAY[${sql.join(
    domains.map((d) => sql`${d}`),
    sql`, `,
  )}]::text[]`;
  const [clash] = await db
    .select({ mailDomains: companies.mailDomains })
    .from(companies)
    .where(exceptCompanyId ? and(overlap, ne(companies.id, exceptCompanyId)) : overlap)
    .limit(1);
  const domain = clash?.mailDomains.find((d) => domains.includes(d.toLowerCase()));
  if (clash) throw new AppError('mail_domain_taken', { domain: domain ?? domains[0] ?? '' });
}

export async function createCompany(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; mailDomains: string[] },
): Promise<CompanySummary> {
  authorize(policy.administer(actor));
  const now = ctx.clock.now();
  const mailDomains = normaliseDomains(input.mailDomains);
  return ctx.db.transaction(async (tx) => {
    await assertDomainsFree(tx, mailDomains);
    const [row] = await tx
      .insert(companies)
      .values({ name: input.name, mailDomains, createdAt: now })
      .returning({ id: companies.id });
    if (!row) throw new Error('company insert returned nothing');
    return companySummary(tx, row.id, zurichDateOf(now));
  });
}

export async function updateCompany(
  ctx: AppContext,
  actor: Actor,
  input: { companyId: string; name?: string; mailDomains?: string[] },
): Promise<CompanySummary> {
  authorize(policy.administer(actor));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const changes: Partial<typeof companies.$inferInsert> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.mailDomains !== undefined) {
      changes.mailDomains = normaliseDomains(input.mailDomains);
      await assertDomainsFree(tx, changes.mailDomains, input.companyId);
    }
    if (Object.keys(changes).length > 0) {
      await tx.update(companies).set(changes).where(eq(companies.id, input.companyId));
    }
    return companySummary(tx, input.companyId, zurichDateOf(now));
  });
}

import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { accountRequests, companies } from '../../db/schema/index';
import type { Actor } from '../context';
import { isStaff } from '../context';
import { AppError } from '../errors/index';

export type AccountRequestRow = typeof accountRequests.$inferSelect;

export const emailDomain = (email: string): string => (email.split('@').pop() ?? '').trim().toLowerCase();

const requestDomain = sql`lower(split_part(${accountRequests.email}, '@', 2))`;

/**
 * Which account requests an actor may see: staff all of them, a customer manager those whose
 * address belongs to one of their company's mail domains, nobody else any.
 * Returns null when the actor may see everything.
 */
export async function requestScope(db: DbOrTx, actor: Actor): Promise<SQL | null> {
  if (isStaff(actor)) return null;
  if (!actor.isManager || !actor.companyId) throw new AppError('forbidden');
  const [company] = await db
    .select({ mailDomains: companies.mailDomains })
    .from(companies)
    .where(eq(companies.id, actor.companyId))
    .limit(1);
  const domains = (company?.mailDomains ?? []).map((d) => d.toLowerCase());
  if (domains.length === 0) return sql`false`;
  return inArray(requestDomain, domains);
}

/** The request if it exists and the actor may see it; "not yours" is the same answer as missing. */
export async function findVisibleRequest(db: DbOrTx, actor: Actor, id: string): Promise<AccountRequestRow> {
  const scope = await requestScope(db, actor);
  const [row] = await db
    .select()
    .from(accountRequests)
    .where(scope ? and(eq(accountRequests.id, id), scope) : eq(accountRequests.id, id))
    .limit(1);
  if (!row) throw new AppError('not_found');
  return row;
}

/** For each domain, the company that declares it (the first by name when several do). */
export async function companiesByDomain(db: DbOrTx, domains: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(domains.filter(Boolean))];
  const found = new Map<string, string>();
  if (wanted.length === 0) return found;
  const rows = await db
    .select({ id: companies.id, mailDomains: companies.mailDomains })
    .from(companies)
    .where(
      sql`${companies.mailDomains} && ARRAY[${sql.join(
        wanted.map((d) => sql`${d}`),
        sql`, `,
      )}]::text[]`,
    )
    .orderBy(companies.name, companies.id);
  for (const row of rows) {
    for (const domain of row.mailDomains) {
      const key = domain.toLowerCase();
      if (wanted.includes(key) && !found.has(key)) found.set(key, row.id);
    }
  }
  return found;
}

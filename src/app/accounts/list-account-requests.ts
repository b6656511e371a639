import { and, asc, desc, eq } from 'drizzle-orm';
import { accountRequests } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import {
  type AccountRequestRow,
  companiesByDomain,
  emailDomain,
  requestScope,
} from './account-request-scope';

export type AccountRequestStatus = 'pending' | 'approved' | 'refused';

export interface AccountRequestView extends AccountRequestRow {
  suggestedCompanyId: string | null;
}

/** Most recent decided requests shown; pending ones are few and all shown, oldest first. */
const listLimit = 200;

export async function listAccountRequests(
  ctx: AppContext,
  actor: Actor,
  input: { status: AccountRequestStatus },
): Promise<AccountRequestView[]> {
  const scope = await requestScope(ctx.db, actor);
  const byStatus = eq(accountRequests.status, input.status);
  const rows = await ctx.db
    .select()
    .from(accountRequests)
    .where(scope ? and(byStatus, scope) : byStatus)
    .orderBy(
      input.status === 'pending' ? asc(accountRequests.createdAt) : desc(accountRequests.createdAt),
      asc(accountRequests.id),
    )
    .limit(listLimit);
  const suggestions = await companiesByDomain(
    ctx.db,
    rows.map((r) => emailDomain(r.email)),
  );
  return rows.map((row) => ({ ...row, suggestedCompanyId: suggestions.get(emailDomain(row.email)) ?? null }));
}

import { eq } from 'drizzle-orm';
import { companies, users } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';

export interface Profile {
  user: typeof users.$inferSelect;
  company: { id: string; name: string } | null;
}

/** The signed-in person's own account, with the company they belong to. */
export async function getProfile(ctx: AppContext, actor: Actor): Promise<Profile> {
  const [row] = await ctx.db
    .select({ user: users, company: { id: companies.id, name: companies.name } })
    .from(users)
    .leftJoin(companies, eq(companies.id, users.companyId))
    .where(eq(users.id, actor.userId))
    .limit(1);
  if (!row) throw new AppError('not_found');
  return { user: row.user, company: row.company?.id ? row.company : null };
}

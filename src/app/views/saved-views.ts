import { and, asc, count, eq } from 'drizzle-orm';
import { savedViews } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';

export type SavedViewRow = typeof savedViews.$inferSelect;
export type ViewFilters = Record<string, string | string[]>;

/** A person keeps a short list of views; more is a sign of a forgotten clean-up. */
export const maxViewsPerUser = 50;

/** The caller's saved views, by name. */
export async function listSavedViews(ctx: AppContext, actor: Actor): Promise<SavedViewRow[]> {
  authorize(policy.workAsStaff(actor));
  return ctx.db
    .select()
    .from(savedViews)
    .where(eq(savedViews.userId, actor.userId))
    .orderBy(asc(savedViews.name), asc(savedViews.createdAt));
}

/** Saves a view under a name; a view of the same name is replaced. */
export async function saveView(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; filters: ViewFilters },
): Promise<SavedViewRow> {
  authorize(policy.workAsStaff(actor));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const mine = and(eq(savedViews.userId, actor.userId), eq(savedViews.name, input.name));
    const replaced = await tx.delete(savedViews).where(mine).returning({ id: savedViews.id });
    if (replaced.length === 0) {
      const [row] = await tx
        .select({ n: count() })
        .from(savedViews)
        .where(eq(savedViews.userId, actor.userId));
      if ((row?.n ?? 0) >= maxViewsPerUser)
        throw new AppError('view_limit_reached', { max: maxViewsPerUser });
    }
    const [view] = await tx
      .insert(savedViews)
      .values({ userId: actor.userId, name: input.name, filters: input.filters, createdAt: now })
      .returning();
    if (!view) throw new Error('saved view insert returned nothing');
    return view;
  });
}

/** Deletes one of the caller's views; another person's view answers not_found. */
export async function deleteView(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  authorize(policy.workAsStaff(actor));
  const deleted = await ctx.db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, actor.userId)))
    .returning({ id: savedViews.id });
  if (deleted.length === 0) throw new AppError('not_found');
}

import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { cannedAnswers } from '../../db/schema/index';
import type { TicketStatus } from '../../domain/tickets/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';

export type CannedAnswerRow = typeof cannedAnswers.$inferSelect;

export interface CannedAnswerInput {
  title: string;
  texts: { fr: string; de: string; en: string };
  statusAfter: TicketStatus | null;
  /** Shared with the whole team (admins only), or the caller's own. */
  shared: boolean;
}

/** The answers a staff member may insert: the shared ones, then their own. */
export async function listCannedAnswers(ctx: AppContext, actor: Actor): Promise<CannedAnswerRow[]> {
  authorize(policy.workAsStaff(actor));
  return ctx.db
    .select()
    .from(cannedAnswers)
    .where(or(isNull(cannedAnswers.ownerId), eq(cannedAnswers.ownerId, actor.userId)))
    .orderBy(asc(cannedAnswers.title));
}

/** One answer the caller may insert; another person's personal answer is not found. */
export async function getCannedAnswer(ctx: AppContext, actor: Actor, id: string): Promise<CannedAnswerRow> {
  authorize(policy.workAsStaff(actor));
  const [row] = await ctx.db
    .select()
    .from(cannedAnswers)
    .where(
      and(
        eq(cannedAnswers.id, id),
        or(isNull(cannedAnswers.ownerId), eq(cannedAnswers.ownerId, actor.userId)),
      ),
    );
  if (!row) throw new AppError('not_found');
  return row;
}

export async function createCannedAnswer(
  ctx: AppContext,
  actor: Actor,
  input: CannedAnswerInput,
): Promise<CannedAnswerRow> {
  const ownerId = input.shared ? null : actor.userId;
  authorize(policy.editCannedAnswer(actor, { ownerId }));
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(cannedAnswers)
    .values({ ownerId, ...columns(input), createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('canned answer insert returned nothing');
  return row;
}

/** Changes an answer's texts and status; whether it is shared stays as it was created. */
export async function updateCannedAnswer(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Omit<CannedAnswerInput, 'shared'>,
): Promise<CannedAnswerRow> {
  const current = await getCannedAnswer(ctx, actor, id);
  authorize(policy.editCannedAnswer(actor, current));
  const [row] = await ctx.db
    .update(cannedAnswers)
    .set({ ...columns(input), updatedAt: ctx.clock.now() })
    .where(eq(cannedAnswers.id, id))
    .returning();
  if (!row) throw new AppError('not_found');
  return row;
}

export async function deleteCannedAnswer(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const current = await getCannedAnswer(ctx, actor, id);
  authorize(policy.editCannedAnswer(actor, current));
  await ctx.db.delete(cannedAnswers).where(eq(cannedAnswers.id, id));
}

const columns = (input: Omit<CannedAnswerInput, 'shared'>) => ({
  title: input.title,
  bodyFr: input.texts.fr,
  bodyDe: input.texts.de,
  bodyEn: input.texts.en,
  statusAfter: input.statusAfter,
});

import { and, eq } from 'drizzle-orm';
import { accountRequests } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { queueMail } from '../outbox';
import { findVisibleRequest } from './account-request-scope';

/** Refuses a pending request and tells the person, with the reason when one is given. */
export async function refuseAccountRequest(
  ctx: AppContext,
  actor: Actor,
  input: { requestId: string; reason?: string | null },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const request = await findVisibleRequest(tx, actor, input.requestId);
    if (request.status !== 'pending') throw new AppError('request_already_decided');
    const decided = await tx
      .update(accountRequests)
      .set({ status: 'refused', decidedBy: actor.userId, decidedAt: now })
      .where(and(eq(accountRequests.id, request.id), eq(accountRequests.status, 'pending')))
      .returning({ id: accountRequests.id });
    if (decided.length === 0) throw new AppError('request_already_decided');
    await queueMail(
      tx,
      {
        template: 'account.refused',
        recipient: request.email,
        language: request.language,
        params: { name: request.name, reason: input.reason ?? null },
      },
      now,
    );
  });
}

import { and, eq } from 'drizzle-orm';
import { accountRequests, companies } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { isStaff } from '../context';
import { AppError } from '../errors/index';
import { findVisibleRequest } from './account-request-scope';
import { insertUser, type UserRow } from './new-user';
import { sendSetPasswordInvitation } from './password-links';

export interface ApproveAccountRequestInput {
  requestId: string;
  companyId: string;
  isManager?: boolean;
}

/**
 * Staff, or the manager of the company the address belongs to, approve a request (R13): the
 * customer account is created without a password and a 72-hour link to choose one is mailed.
 * A manager approves only into their own company and cannot make managers.
 */
export async function approveAccountRequest(
  ctx: AppContext,
  actor: Actor,
  input: ApproveAccountRequestInput,
): Promise<UserRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const request = await findVisibleRequest(tx, actor, input.requestId);
    if (!isStaff(actor) && (input.companyId !== actor.companyId || input.isManager)) {
      throw new AppError('forbidden');
    }
    if (request.status !== 'pending') throw new AppError('request_already_decided');
    const [company] = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(eq(companies.id, input.companyId))
      .limit(1);
    if (!company) throw new AppError('company_unknown');
    const user = await insertUser(
      tx,
      {
        email: request.email,
        name: request.name,
        phone: request.phone,
        role: 'customer',
        companyId: company.id,
        isManager: input.isManager ?? false,
        language: request.language,
      },
      now,
    );
    const decided = await tx
      .update(accountRequests)
      .set({ status: 'approved', companyId: company.id, decidedBy: actor.userId, decidedAt: now })
      .where(and(eq(accountRequests.id, request.id), eq(accountRequests.status, 'pending')))
      .returning({ id: accountRequests.id });
    if (decided.length === 0) throw new AppError('request_already_decided');
    await sendSetPasswordInvitation(ctx, tx, user, now);
    return user;
  });
}

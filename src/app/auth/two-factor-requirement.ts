import { and, eq, isNotNull, ne, notExists } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { passkeys, totpFactors, users } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { readSetting, writeSetting } from '../settings';
import { factorsOf } from './factors';
import { deleteSessionsOf } from './sessions';

/** Set by an admin: staff (agents, consultants, admins) must sign in with a second factor. */
export const staffTwoFactorKey = 'security.staffTwoFactorRequired';

export async function staffTwoFactorRequired(db: DbOrTx): Promise<boolean> {
  return (await readSetting<boolean>(db, staffTwoFactorKey)) === true;
}

/** Whether this person must keep a second factor: staff, once an admin requires it. */
export async function mustUseTwoFactor(db: DbOrTx, user: Pick<Actor, 'role'>): Promise<boolean> {
  return user.role !== 'customer' && (await staffTwoFactorRequired(db));
}

export async function getTwoFactorPolicy(ctx: AppContext, actor: Actor) {
  authorize(policy.readAdministration(actor));
  return { requiredForStaff: await staffTwoFactorRequired(ctx.db) };
}

/**
 * Requiring a second factor signs out every staff member who has none: their next sign-in takes
 * them to enrolment, and until then they cannot use the portal at all.
 */
export async function setTwoFactorPolicy(
  ctx: AppContext,
  actor: Actor,
  input: { requiredForStaff: boolean },
) {
  authorize(policy.administer(actor));
  const now = ctx.clock.now();
  // An admin who switched it on without a factor of their own would be signed out on the spot.
  if (input.requiredForStaff && (await factorsOf(ctx.db, actor.userId)).length === 0) {
    throw new AppError('two_factor_self_first');
  }
  await ctx.db.transaction(async (tx) => {
    await writeSetting(tx, staffTwoFactorKey, input.requiredForStaff, now, actor.userId);
    if (!input.requiredForStaff) return;
    const unprotected = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          ne(users.role, 'customer'),
          notExists(
            tx
              .select()
              .from(totpFactors)
              .where(and(eq(totpFactors.userId, users.id), isNotNull(totpFactors.confirmedAt))),
          ),
          notExists(tx.select().from(passkeys).where(eq(passkeys.userId, users.id))),
        ),
      );
    for (const { id } of unprotected) await deleteSessionsOf(tx, id);
  });
  return { requiredForStaff: input.requiredForStaff };
}

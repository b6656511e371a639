import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import type { AppContext } from '../context';
import { AppError } from '../errors/index';
import { assertPasswordSignInAllowed } from './oidc-sign-in';
import { verifyPassword } from './passwords';
import { openSignInChallenge, secondStepFor } from './second-factor';
import { createSession } from './sessions';
import { admitLoginAttempt, refundLoginAttempt, trimLoginAttempts } from './throttle';

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
}

/**
 * Checks a password and opens a session; throttled per account and per client address. An account
 * with a second factor (or a staff member who must enrol one) gets a short-lived challenge instead,
 * never a session; the password's attempt stays counted until that second step succeeds.
 */
export async function login(ctx: AppContext, input: LoginInput) {
  const now = ctx.clock.now();
  const email = input.email.trim().toLowerCase();
  const admission = await admitLoginAttempt(ctx.db, email, input.ip, now);
  if (!admission.admitted) {
    const { retryAfterSeconds } = admission;
    throw new AppError('too_many_attempts', {
      minutes: Math.ceil(retryAfterSeconds / 60),
      retryAfterSeconds,
    });
  }
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user?.active || !passwordOk) {
    await trimLoginAttempts(ctx.db, now);
    throw new AppError('invalid_credentials');
  }
  assertPasswordSignInAllowed(ctx, user);
  const second = await secondStepFor(ctx.db, user);
  if (second) {
    const challenge = await openSignInChallenge(ctx.db, user.id, second.step, now);
    return { kind: 'second_factor' as const, ...second, challenge, user };
  }
  await refundLoginAttempt(ctx.db, email, input.ip);
  const session = await createSession(ctx.db, user.id, now, ctx.config.SESSION_TTL_HOURS);
  return { kind: 'session' as const, ...session, user };
}

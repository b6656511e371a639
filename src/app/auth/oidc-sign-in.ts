import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import { decideStaffAccess, type SsoMapping } from '../../domain/auth/single-sign-on';
import type { Language } from '../../i18n/language';
import type { AppContext } from '../context';
import { AppError } from '../errors/index';
import { announceAccountChangedHere } from './session-ended';
import { createSession } from './sessions';

export interface SsoSignInInput {
  /** The claims the provider vouched for (already checked by the OpenID Connect client). */
  claims: Record<string, unknown>;
  /** For an account created now: the language the person was reading the sign-in page in. */
  language: Language;
}

/** The operator's mapping of the provider's groups and domains, from the configuration. */
export function ssoMappingOf(config: AppContext['config']): SsoMapping {
  return {
    allowedDomains: config.OIDC_ALLOWED_DOMAINS,
    groupsClaim: config.OIDC_GROUPS_CLAIM,
    adminGroups: config.OIDC_ADMIN_GROUPS,
    consultantGroups: config.OIDC_CONSULTANT_GROUPS,
    agentGroups: config.OIDC_AGENT_GROUPS,
  };
}

/**
 * Opens a staff session for a person the identity provider vouched for. The provider's groups are
 * the source of truth for the role: it is set at each sign-in, so leaving the admins' group there
 * takes the admin role here at the next sign-in. An account is created on the first sign-in of an
 * allowed domain; a customer account or a disabled one is never taken over.
 */
export async function signInWithSso(ctx: AppContext, input: SsoSignInInput) {
  const now = ctx.clock.now();
  const decision = decideStaffAccess(input.claims, ssoMappingOf(ctx.config));
  if (!decision.admitted) throw new AppError(decision.reason, {}, { email: decision.email });
  const { email, name, role } = decision;
  const [existing] = await ctx.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  if (existing && existing.role === 'customer') throw new AppError('sso_not_staff', {}, { email });
  if (existing && !existing.active) throw new AppError('sso_account_disabled', {}, { email });
  const user = existing
    ? await updateRole(ctx, existing, role)
    : await createStaffAccount(ctx, { email, name, role, language: input.language }, now);
  const session = await createSession(ctx.db, user.id, now, ctx.config.SESSION_TTL_HOURS);
  return { ...session, user, created: !existing, previousRole: existing?.role ?? null };
}

/** Whether password sign-in is closed to this account because staff use the provider. */
export function assertPasswordSignInAllowed(ctx: AppContext, user: { role: string }): void {
  if (ctx.config.OIDC_DISABLE_STAFF_PASSWORDS && user.role !== 'customer') {
    throw new AppError('staff_password_disabled', { provider: ctx.config.OIDC_PROVIDER_NAME });
  }
}

type UserRow = typeof users.$inferSelect;

async function updateRole(ctx: AppContext, user: UserRow, role: UserRow['role']): Promise<UserRow> {
  if (user.role === role) return user;
  const [updated] = await ctx.db.update(users).set({ role }).where(eq(users.id, user.id)).returning();
  announceAccountChangedHere(user.id);
  return updated ?? user;
}

async function createStaffAccount(
  ctx: AppContext,
  account: { email: string; name: string; role: UserRow['role']; language: Language },
  now: Date,
): Promise<UserRow> {
  // Two first sign-ins of the same person at once: the second finds the first one's row.
  const [created] = await ctx.db
    .insert(users)
    .values({ ...account, companyId: null, isManager: false, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [existing] = await ctx.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, account.email))
    .limit(1);
  if (!existing) throw new Error('staff account neither created nor found');
  return existing;
}

import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { companies, users } from '../../db/schema/index';
import type { Language } from '../../i18n/language';
import { insertUser, type UserRow } from '../accounts/new-user';
import { sendSetPasswordInvitation } from '../accounts/password-links';
import { announceAccountChangedHere, announceSessionsEnded } from '../auth/session-ended';
import { deleteSessionsOf } from '../auth/sessions';
import type { Actor, AppContext, Role } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { containsPattern, decodeCursor, encodeCursor, pageSize } from './pagination';

export interface CreateUserInput {
  email: string;
  name: string;
  phone?: string | null;
  role: Role;
  companyId?: string | null;
  isManager?: boolean;
  language: Language;
}

export interface UpdateUserInput {
  userId: string;
  name?: string;
  phone?: string | null;
  role?: Role;
  isManager?: boolean;
  active?: boolean;
  language?: Language;
  companyId?: string | null;
}

/** A customer belongs to exactly one company; staff to none, and only customers manage. */
function checkMembership(role: Role, companyId: string | null, isManager: boolean): void {
  const customer = role === 'customer';
  if (customer !== (companyId !== null) || (!customer && isManager)) {
    throw new AppError('customer_company_mismatch');
  }
}

async function assertCompanyKnown(db: DbOrTx, companyId: string | null): Promise<void> {
  if (companyId === null) return;
  const [row] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.id, companyId))
    .limit(1);
  if (!row) throw new AppError('company_unknown');
}

/**
 * An administrator creates an account directly; the person gets the same set-password mail as
 * after an approved request.
 */
export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserInput): Promise<UserRow> {
  authorize(policy.administer(actor));
  const companyId = input.companyId ?? null;
  const isManager = input.isManager ?? false;
  checkMembership(input.role, companyId, isManager);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await assertCompanyKnown(tx, companyId);
    const user = await insertUser(tx, { ...input, companyId, isManager }, now);
    await sendSetPasswordInvitation(ctx, tx, user, now);
    return user;
  });
}

/**
 * An administrator edits an account. Moving a customer to staff leaves their company; a
 * deactivated account is signed out at once. Administrators cannot lock themselves out.
 */
export async function updateUser(ctx: AppContext, actor: Actor, input: UpdateUserInput): Promise<UserRow> {
  authorize(policy.administer(actor));
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, input.userId)).limit(1);
    if (!current) throw new AppError('not_found');
    const role = input.role ?? current.role;
    const staff = role !== 'customer';
    const companyId = input.companyId !== undefined ? input.companyId : staff ? null : current.companyId;
    const isManager = input.isManager ?? (staff ? false : current.isManager);
    checkMembership(role, companyId, isManager);
    const active = input.active ?? current.active;
    if (current.id === actor.userId && (!active || role !== 'admin')) {
      throw new AppError('cannot_change_own_account');
    }
    await assertCompanyKnown(tx, companyId);
    const [user] = await tx
      .update(users)
      .set({
        name: input.name ?? current.name,
        phone: input.phone !== undefined ? input.phone : current.phone,
        language: input.language ?? current.language,
        role,
        companyId,
        isManager,
        active,
      })
      .where(eq(users.id, current.id))
      .returning();
    if (!user) throw new AppError('not_found');
    announceAccountChangedHere(user.id);
    if (!active) await deleteSessionsOf(tx, user.id);
    // Open live streams carry the account as it was when they opened: end them on a change of
    // role or company, and the client reconnects with the account as it is now.
    else if (role !== current.role || companyId !== current.companyId) {
      await announceSessionsEnded(tx, { userId: user.id });
    }
    return user;
  });
}

export async function getUser(ctx: AppContext, actor: Actor, userId: string): Promise<UserRow> {
  authorize(policy.readAdministration(actor));
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError('not_found');
  return user;
}

/** All accounts (staff included), 50 a page by (name, id), searched by name or address. */
export async function listUsers(
  ctx: AppContext,
  actor: Actor,
  input: { search?: string; role?: Role; cursor?: string },
): Promise<{ items: UserRow[]; nextCursor: string | null }> {
  authorize(policy.readAdministration(actor));
  const conditions: SQL[] = [];
  if (input.role) conditions.push(eq(users.role, input.role));
  if (input.search) {
    const pattern = containsPattern(input.search);
    conditions.push(sql`(${users.name} ilike ${pattern} or ${users.email} ilike ${pattern})`);
  }
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    conditions.push(sql`(${users.name}, ${users.id}) > (${after.name}, ${after.id}::uuid)`);
  }
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(users.id))
    .limit(pageSize + 1);
  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > pageSize && last ? encodeCursor(last.name, last.id) : null };
}

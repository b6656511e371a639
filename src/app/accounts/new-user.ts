import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { users } from '../../db/schema/index';
import type { Language } from '../../i18n/language';
import type { Role } from '../context';
import { AppError } from '../errors/index';

export interface NewUser {
  email: string;
  name: string;
  phone?: string | null;
  role: Role;
  companyId: string | null;
  isManager: boolean;
  language: Language;
}

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return user;
}

/**
 * Inserts an account without a password (it is chosen through a one-time link). The address is
 * unique regardless of case; a concurrent insert of the same address also ends as email_taken.
 */
export async function insertUser(db: DbOrTx, input: NewUser, now: Date): Promise<UserRow> {
  const email = input.email.trim().toLowerCase();
  if (await findUserByEmail(db, email)) throw new AppError('email_taken');
  try {
    const [user] = await db
      .insert(users)
      .values({
        email,
        name: input.name,
        phone: input.phone ?? null,
        role: input.role,
        companyId: input.companyId,
        isManager: input.isManager,
        language: input.language,
        createdAt: now,
      })
      .returning();
    if (!user) throw new Error('user insert returned nothing');
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('email_taken');
    throw error;
  }
}

/** PostgreSQL's unique_violation, as raised by pg and PGlite (possibly wrapped by the ORM). */
export function isUniqueViolation(error: unknown): boolean {
  const codeOf = (e: unknown) =>
    typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
  return codeOf(error) === '23505' || codeOf(cause) === '23505';
}

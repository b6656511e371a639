import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/app/auth/passwords';
import type { Role } from '../../src/app/context';
import type { DbOrTx } from '../../src/db/client';
import { companies, contracts, users } from '../../src/db/schema/index';
import type { Language } from '../../src/i18n/language';
import { testPassword } from './app';

let passwordHash: Promise<string> | undefined;
const knownHash = () => {
  passwordHash ??= hashPassword(testPassword);
  return passwordHash;
};

const unique = () => randomUUID().slice(0, 8);

export type TestUser = typeof users.$inferSelect;

export async function createUser(
  db: DbOrTx,
  input: { role: Role; companyId?: string | null; isManager?: boolean; language?: Language; name?: string },
): Promise<TestUser> {
  const tag = unique();
  const [user] = await db
    .insert(users)
    .values({
      email: `${input.role}-${tag}@example.test`,
      name: input.name ?? `${input.role} ${tag}`,
      role: input.role,
      companyId: input.companyId ?? null,
      isManager: input.isManager ?? false,
      language: input.language ?? 'fr',
      passwordHash: await knownHash(),
      createdAt: new Date('2026-01-01T00:00:00Z'),
    })
    .returning();
  if (!user) throw new Error('user not created');
  return user;
}

export interface TestCompany {
  company: typeof companies.$inferSelect;
  customer: TestUser;
  manager: TestUser;
  maintenance: typeof contracts.$inferSelect;
  flex?: typeof contracts.$inferSelect;
}

/**
 * A company with a customer and a customer manager, and a maintenance contract that is active
 * unless `maintenance: 'expired'`; with `flex: true`, a Flex contract too. Each call makes a new
 * tenant, so tests never collide and need no clean-up.
 */
export async function createCompany(
  db: DbOrTx,
  options: { maintenance?: 'active' | 'expired'; flex?: boolean; language?: Language; name?: string } = {},
): Promise<TestCompany> {
  const tag = unique();
  const createdAt = new Date('2026-01-01T00:00:00Z');
  const [company] = await db
    .insert(companies)
    .values({ name: options.name ?? `Company ${tag}`, mailDomains: [`${tag}.example.test`], createdAt })
    .returning();
  if (!company) throw new Error('company not created');
  const expired = options.maintenance === 'expired';
  const [maintenance] = await db
    .insert(contracts)
    .values({
      companyId: company.id,
      kind: 'maintenance',
      reference: `MAINT-${tag}`,
      startsOn: expired ? '2020-01-01' : '2025-01-01',
      endsOn: expired ? '2024-12-31' : '2099-12-31',
      createdAt,
    })
    .returning();
  let flex: typeof contracts.$inferSelect | undefined;
  if (options.flex) {
    [flex] = await db
      .insert(contracts)
      .values({
        companyId: company.id,
        kind: 'flex',
        reference: `FLEX-${tag}`,
        startsOn: '2025-01-01',
        endsOn: '2099-12-31',
        lowBalanceMinutes: 600,
        createdAt,
      })
      .returning();
  }
  const language = options.language ?? 'fr';
  const customer = await createUser(db, { role: 'customer', companyId: company.id, language });
  const manager = await createUser(db, {
    role: 'customer',
    companyId: company.id,
    isManager: true,
    language,
  });
  if (!maintenance) throw new Error('contract not created');
  return { company, customer, manager, maintenance, ...(flex ? { flex } : {}) };
}

/** One user of each staff role. */
export async function createStaff(db: DbOrTx) {
  return {
    agent: await createUser(db, { role: 'agent' }),
    consultant: await createUser(db, { role: 'consultant' }),
    admin: await createUser(db, { role: 'admin' }),
  };
}

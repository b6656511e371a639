import { count } from 'drizzle-orm';
import { companies, contracts, users } from '../../db/schema/index';
import { hashPassword } from '../auth/passwords';
import type { AppContext, Role } from '../context';
import { seedDemoTickets } from './demo-tickets';

export const demoPassword = 'guichet-demo';

export interface DemoLogin {
  email: string;
  role: string;
}

export interface DemoWorld {
  companies: { flex: string; maintenanceOnly: string; expired: string };
  users: Record<string, string>;
}

/** Seeds the demo world when the database holds no company yet; returns the logins, or null. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<DemoLogin[] | null> {
  const [row] = await ctx.db.select({ n: count() }).from(companies);
  if (Number(row?.n ?? 0) > 0) return null;
  return seedDemo(ctx);
}

export async function seedDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const now = ctx.clock.now();
  const year = now.getUTCFullYear();
  const passwordHash = await hashPassword(demoPassword);
  const company = async (name: string, domain: string) => {
    const [c] = await ctx.db
      .insert(companies)
      .values({ name, mailDomains: [domain], createdAt: now })
      .returning();
    if (!c) throw new Error('seed failed');
    return c.id;
  };
  const flex = await company('Acme Industries SA', 'acme.demo');
  const maintenanceOnly = await company('Bergmann Maschinen AG', 'bergmann.demo');
  const expired = await company('Ancienne Fabrique Sàrl', 'ancienne.demo');
  await ctx.db.insert(contracts).values([
    {
      companyId: flex,
      kind: 'maintenance',
      reference: 'MNT-ACME',
      startsOn: `${year - 1}-01-01`,
      endsOn: `${year + 2}-12-31`,
      createdAt: now,
    },
    {
      companyId: flex,
      kind: 'flex',
      reference: 'FLEX-ACME',
      startsOn: `${year - 1}-01-01`,
      endsOn: `${year + 2}-12-31`,
      lowBalanceMinutes: 600,
      createdAt: now,
    },
    {
      companyId: maintenanceOnly,
      kind: 'maintenance',
      reference: 'MNT-BERG',
      startsOn: `${year - 1}-01-01`,
      endsOn: null,
      createdAt: now,
    },
    {
      companyId: expired,
      kind: 'maintenance',
      reference: 'MNT-ANC',
      startsOn: `${year - 4}-01-01`,
      endsOn: `${year - 1}-06-30`,
      createdAt: now,
    },
  ]);
  const people: {
    email: string;
    name: string;
    role: Role;
    companyId?: string;
    isManager?: boolean;
    language: 'fr' | 'de' | 'en';
    label: string;
  }[] = [
    {
      email: 'client@acme.demo',
      name: 'Claire Dubois',
      role: 'customer',
      companyId: flex,
      language: 'fr',
      label: 'customer (Acme, Flex)',
    },
    {
      email: 'manager@acme.demo',
      name: 'Marc Favre',
      role: 'customer',
      companyId: flex,
      isManager: true,
      language: 'fr',
      label: 'customer manager (Acme)',
    },
    {
      email: 'kunde@bergmann.demo',
      name: 'Katrin Bergmann',
      role: 'customer',
      companyId: maintenanceOnly,
      language: 'de',
      label: 'customer (Bergmann, maintenance only)',
    },
    {
      email: 'client@ancienne.demo',
      name: 'Paul Ancien',
      role: 'customer',
      companyId: expired,
      language: 'fr',
      label: 'customer (expired contract)',
    },
    { email: 'agent@guichet.demo', name: 'Anne Agent', role: 'agent', language: 'fr', label: 'agent' },
    {
      email: 'consultant@guichet.demo',
      name: 'Luc Consultant',
      role: 'consultant',
      language: 'fr',
      label: 'consultant',
    },
    { email: 'admin@guichet.demo', name: 'Alice Admin', role: 'admin', language: 'en', label: 'admin' },
  ];
  const inserted = await ctx.db
    .insert(users)
    .values(people.map(({ label: _label, ...p }) => ({ ...p, passwordHash, createdAt: now })))
    .returning();
  const world: DemoWorld = {
    companies: { flex, maintenanceOnly, expired },
    users: Object.fromEntries(inserted.map((u) => [u.email, u.id])),
  };
  await seedDemoTickets(ctx, world);
  return people.map((p) => ({ email: p.email, role: p.label }));
}

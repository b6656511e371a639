/**
 * The one place tests create what they need: companies with their people and contracts, staff,
 * tickets (through the application, or as raw rows for list and search tests), messages, Flex
 * movements, time entries, and signed-in API clients. Every tier uses these (integration, heavy,
 * benchmarks); each call makes new rows, so tests never collide and need no clean-up.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../src/app/auth/passwords';
import type { AppContext, Role } from '../../src/app/context';
import { actorOf } from '../../src/app/context';
import { type CreateTicketInput, createTicket } from '../../src/app/tickets/create-ticket';
import type { TicketRow } from '../../src/app/tickets/record-event';
import type { DbOrTx } from '../../src/db/client';
import {
  companies,
  contracts,
  flexLedger,
  projects,
  requestTypes,
  ticketMessages,
  tickets,
  timeEntries,
  users,
} from '../../src/db/schema/index';
import type { Criticality, Desk, TicketStatus } from '../../src/domain/tickets/index';
import type { Language } from '../../src/i18n/language';
import { type TestApp, TestClient, testPassword } from './app';

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

/** A browser-like client of the test app, signed in as `user`. */
export async function signedIn(
  app: TestApp['app'],
  user: { email: string },
  ip?: string,
): Promise<TestClient> {
  const client = new TestClient(app, ip);
  await client.login(user.email);
  return client;
}

/** The Actor an app function receives for a user made by the factories. */
export { actorOf };

/** The id of a seeded request type ('assistance', 'solva_flex'). */
export async function requestTypeId(db: DbOrTx, code: string): Promise<string> {
  const [row] = await db
    .select({ id: requestTypes.id })
    .from(requestTypes)
    .where(eq(requestTypes.code, code));
  if (!row) throw new Error(`request type ${code} is not seeded`);
  return row.id;
}

/** A valid support-ticket body for the API or createTicket. */
export async function ticketInput(
  db: DbOrTx,
  overrides: Partial<CreateTicketInput> = {},
): Promise<CreateTicketInput> {
  return {
    desk: 'support',
    requestTypeId: await requestTypeId(db, 'assistance'),
    criticality: 'moyenne',
    subject: 'Invoice export fails for company 02',
    description: 'Since this morning the export stops with an error.',
    ...overrides,
  };
}

/** Opens a ticket through the application, as `user`, optionally forcing it into a status. */
export async function openTicket(
  ctx: AppContext,
  user: TestUser,
  options: Partial<CreateTicketInput> & { status?: TicketStatus; assigneeId?: string } = {},
): Promise<TicketRow> {
  const { status, assigneeId, ...overrides } = options;
  const ticket = await createTicket(ctx, actorOf(user), await ticketInput(ctx.db, overrides));
  if (!status && !assigneeId) return ticket;
  return forceTicket(ctx.db, ticket.id, {
    ...(status ? { status } : {}),
    ...(assigneeId ? { assigneeId } : {}),
  });
}

/** Puts a ticket in a state directly (test set-up only: bypasses the rules). */
export async function forceTicket(
  db: DbOrTx,
  ticketId: string,
  values: Partial<typeof tickets.$inferInsert>,
): Promise<TicketRow> {
  const [row] = await db.update(tickets).set(values).where(eq(tickets.id, ticketId)).returning();
  if (!row) throw new Error('ticket not found');
  return row;
}

/** Adds a Flex movement so the company's balance becomes what a test needs. */
export async function addFlexMinutes(
  db: DbOrTx,
  input: { contractId: string; companyId: string; minutes: number },
) {
  await db.insert(flexLedger).values({
    contractId: input.contractId,
    companyId: input.companyId,
    kind: input.minutes > 0 ? 'credit' : input.minutes < 0 ? 'debit' : 'adjustment',
    minutes: input.minutes,
    reason: 'test',
    createdAt: new Date('2026-01-02T00:00:00Z'),
  });
}

/** A support ticket as the inbound-mail tests open it, then put in the given status (test set-up). */
export async function ticketFor(
  ctx: AppContext,
  customer: TestUser,
  status: 'open' | 'waiting_customer' | 'in_progress' | 'closed' = 'waiting_customer',
): Promise<TicketRow> {
  const ticket = await openTicket(ctx, customer, {
    criticality: 'haute',
    subject: "Erreur à l'export",
    description: "L'export échoue.",
  });
  if (status === 'open') return ticket;
  return forceTicket(ctx.db, ticket.id, {
    status,
    ...(status === 'closed' ? { closeReason: 'solution_delivered', closedAt: ctx.clock.now() } : {}),
  });
}

/** A company with a Flex contract (threshold 600 minutes) credited with `minutes`. */
export async function flexTenant(ctx: AppContext, minutes = 6000): Promise<TestCompany & { flexId: string }> {
  const tenant = await createCompany(ctx.db, { flex: true });
  if (!tenant.flex) throw new Error('no flex contract');
  if (minutes !== 0)
    await addFlexMinutes(ctx.db, { contractId: tenant.flex.id, companyId: tenant.company.id, minutes });
  return { ...tenant, flexId: tenant.flex.id };
}

/** A "Solva Flex" ticket: its time is billed to the Flex balance. */
export async function flexTicket(ctx: AppContext, tenant: TestCompany, subject?: string) {
  return openTicket(ctx, tenant.customer, {
    requestTypeId: await requestTypeId(ctx.db, 'solva_flex'),
    ...(subject ? { subject } : {}),
  });
}

/** An "Assistance" ticket: its time is covered by maintenance. */
export async function assistanceTicket(ctx: AppContext, tenant: TestCompany) {
  return openTicket(ctx, tenant.customer);
}

/** A consulting request on a new project of the company: its time is billed en régie. */
export async function consultingTicket(ctx: AppContext, tenant: TestCompany, projectName = 'ERP rollout') {
  const [project] = await ctx.db
    .insert(projects)
    .values({ companyId: tenant.company.id, name: projectName })
    .returning();
  if (!project) throw new Error('project not created');
  const ticket = await openTicket(ctx, tenant.customer, { desk: 'consulting', projectId: project.id });
  return { ticket, project };
}

/** Logs time directly (set-up only: the API path is tested in time.test.ts). */
export async function logEntry(
  ctx: AppContext,
  input: {
    ticket: { id: string; companyId: string; projectId: string | null };
    user: TestUser;
    minutes: number;
    billing: 'flex' | 'regie' | 'maintenance';
    workDate?: string;
    note?: string;
  },
) {
  const now = ctx.clock.now();
  const [entry] = await ctx.db
    .insert(timeEntries)
    .values({
      ticketId: input.ticket.id,
      companyId: input.ticket.companyId,
      projectId: input.ticket.projectId,
      userId: input.user.id,
      workDate: input.workDate ?? '2026-02-15',
      minutes: input.minutes,
      note: input.note ?? '',
      billing: input.billing,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!entry) throw new Error('entry not created');
  return entry;
}

let nextNumber = 100_000 + Math.floor(Math.random() * 800_000);

export type TicketInsert = typeof tickets.$inferInsert;

/** A ticket row written directly, for tests of lists, search and attachments. */
export async function insertTicket(
  db: DbOrTx,
  input: {
    companyId: string;
    createdBy: string;
    subject?: string;
    description?: string;
    desk?: Desk;
    status?: TicketStatus;
    criticality?: Criticality;
    createdAt?: Date;
    updatedAt?: Date;
  } & Partial<TicketInsert>,
) {
  nextNumber += 1;
  const desk = input.desk ?? 'support';
  const createdAt = input.createdAt ?? new Date('2026-03-02T08:00:00Z');
  const [row] = await db
    .insert(tickets)
    .values({
      desk,
      number: nextNumber,
      key: `${desk === 'support' ? 'SUP' : 'CON'}-${nextNumber}`,
      criticality: 'moyenne',
      status: 'open',
      subject: `Ticket ${randomUUID().slice(0, 8)}`,
      description: 'Description',
      ...input,
      createdAt,
      updatedAt: input.updatedAt ?? createdAt,
    })
    .returning();
  if (!row) throw new Error('ticket not inserted');
  return row;
}

export async function insertMessage(
  db: DbOrTx,
  input: { ticketId: string; authorId: string; body: string; visibility?: 'public' | 'internal'; at?: Date },
) {
  const [row] = await db
    .insert(ticketMessages)
    .values({
      ticketId: input.ticketId,
      authorId: input.authorId,
      body: input.body,
      visibility: input.visibility ?? 'public',
      createdAt: input.at ?? new Date('2026-03-02T09:00:00Z'),
    })
    .returning();
  if (!row) throw new Error('message not inserted');
  return row;
}

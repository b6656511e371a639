import { eq } from 'drizzle-orm';
import type { AppContext } from '../../src/app/context';
import { projects, timeEntries } from '../../src/db/schema/index';
import { createCompany, type TestCompany, type TestUser } from '../support/factories';
import { addFlexMinutes, openTicket, requestTypeId } from '../support/ticket-factories';

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

export async function entryById(ctx: AppContext, id: string) {
  const [entry] = await ctx.db.select().from(timeEntries).where(eq(timeEntries.id, id));
  return entry;
}

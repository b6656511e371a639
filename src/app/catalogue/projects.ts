import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { projects } from '../../db/schema/catalogue';
import { companies } from '../../db/schema/core';
import type { Actor, AppContext } from '../context';
import { isStaff } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';

export type Project = typeof projects.$inferSelect;

/**
 * A company's projects (consulting requests name one). Customers see only their own company's
 * active projects; any other company answers not_found, as if it did not exist.
 */
export async function listProjects(
  ctx: AppContext,
  actor: Actor,
  input: { companyId: string; includeInactive?: boolean },
): Promise<Project[]> {
  if (!isStaff(actor) && actor.companyId !== input.companyId) throw new AppError('not_found');
  await assertCompanyExists(ctx, input.companyId);
  const includeInactive = isStaff(actor) && input.includeInactive === true;
  return ctx.db
    .select()
    .from(projects)
    .where(
      and(eq(projects.companyId, input.companyId), includeInactive ? undefined : eq(projects.active, true)),
    )
    .orderBy(asc(projects.name), asc(projects.id));
}

/** Staff: adds a project to a company. */
export async function createProject(
  ctx: AppContext,
  actor: Actor,
  input: { companyId: string; name: string; description?: string; active?: boolean },
): Promise<Project> {
  authorize(policy.workAsStaff(actor));
  await assertCompanyExists(ctx, input.companyId);
  const [row] = await ctx.db
    .insert(projects)
    .values({
      companyId: input.companyId,
      name: input.name,
      description: input.description ?? '',
      active: input.active ?? true,
      createdAt: ctx.clock.now(),
    })
    .returning();
  if (!row) throw new Error('project not created');
  return row;
}

/** Staff: renames, describes, or (de)activates a project. Projects are never deleted. */
export async function updateProject(
  ctx: AppContext,
  actor: Actor,
  input: { id: string; name?: string; description?: string; active?: boolean },
): Promise<Project> {
  authorize(policy.workAsStaff(actor));
  const { id, ...fields } = input;
  const values = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const [row] =
    Object.keys(values).length > 0
      ? await ctx.db.update(projects).set(values).where(eq(projects.id, id)).returning()
      : await ctx.db.select().from(projects).where(eq(projects.id, id));
  if (!row) throw new AppError('not_found');
  return row;
}

/** A project of a company, for consulting requests; undefined when it is not that company's. */
export async function projectOfCompany(
  db: DbOrTx,
  input: { projectId: string; companyId: string },
): Promise<Project | undefined> {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, input.projectId), eq(projects.companyId, input.companyId)));
  return row;
}

async function assertCompanyExists(ctx: AppContext, companyId: string) {
  const [company] = await ctx.db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.id, companyId));
  if (!company) throw new AppError('not_found');
}

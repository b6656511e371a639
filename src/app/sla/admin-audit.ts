import { and, desc, eq, like, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { adminAudit, users } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { authorize, policy } from '../policy';

export type AdminAuditRow = typeof adminAudit.$inferSelect;

/** Appends an entry to the administration audit trail and returns its id. */
export async function recordAdminChange(
  db: DbOrTx,
  entry: {
    actorId: string;
    action: string;
    subjectId?: string | null;
    before: unknown;
    after: unknown;
    at: Date;
    data?: Record<string, unknown>;
  },
): Promise<number> {
  const [row] = await db
    .insert(adminAudit)
    .values({
      at: entry.at,
      actorId: entry.actorId,
      action: entry.action,
      subjectId: entry.subjectId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      data: entry.data ?? {},
    })
    .returning({ id: adminAudit.id });
  if (!row) throw new Error('admin audit insert returned nothing');
  return row.id;
}

/** Notes the outcome of a change that was applied after its entry was written (e.g. tickets recomputed). */
export async function completeAdminChange(
  db: DbOrTx,
  id: number,
  data: Record<string, unknown>,
): Promise<void> {
  await db.update(adminAudit).set({ data }).where(eq(adminAudit.id, id));
}

export interface AdminAuditEntry extends AdminAuditRow {
  actorName: string | null;
}

/** The latest administration changes, newest first; `actionPrefix` narrows them ('sla.', 'calendar.'). */
export async function listAdminAudit(
  ctx: AppContext,
  actor: Actor,
  input: { actionPrefix?: string; subjectId?: string; limit?: number },
): Promise<AdminAuditEntry[]> {
  authorize(policy.administer(actor));
  const conditions: (SQL | undefined)[] = [
    input.actionPrefix ? like(adminAudit.action, `${escapeLike(input.actionPrefix)}%`) : undefined,
    input.subjectId ? eq(adminAudit.subjectId, input.subjectId) : undefined,
  ];
  const rows = await ctx.db
    .select({ entry: adminAudit, actorName: users.name })
    .from(adminAudit)
    .leftJoin(users, eq(users.id, adminAudit.actorId))
    .where(and(...conditions))
    .orderBy(desc(adminAudit.at), desc(adminAudit.id))
    .limit(Math.min(Math.max(input.limit ?? 50, 1), 200));
  return rows.map((row) => ({ ...row.entry, actorName: row.actorName }));
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

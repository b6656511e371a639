import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { timeEntries, users } from '../../db/schema/index';
import { zurichDateOf } from '../../domain/calendar/index';
import { type BillingKind, chooseBilling } from '../../domain/flex/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { activeFlexContract } from '../flex/balance';
import { authorize, policy } from '../policy';
import { ticketForTime } from './ticket-billing';

export type TimeEntry = typeof timeEntries.$inferSelect;
export type TimeEntryView = TimeEntry & { userName: string };

export interface TimeEntryInput {
  workDate: string;
  minutes: number;
  note?: string;
  /** Bill otherwise than the ticket implies (needs `overrideReason`). */
  billing?: BillingKind | null;
  overrideReason?: string | null;
}

/** Staff log time on a ticket; how it is billed follows from the ticket unless overridden. */
export async function logTime(
  ctx: AppContext,
  actor: Actor,
  input: TimeEntryInput & { ticketId: string },
): Promise<TimeEntryView> {
  authorize(policy.workAsStaff(actor), 'not_found');
  const now = ctx.clock.now();
  checkWorkDate(input.workDate, now);
  return ctx.db.transaction(async (tx) => {
    const ticket = await ticketForTime(tx, input.ticketId);
    const choice = await resolveBilling(tx, ticket.companyId, ticket.derivedBilling, input, now);
    const [entry] = await tx
      .insert(timeEntries)
      .values({
        ticketId: ticket.id,
        companyId: ticket.companyId,
        projectId: ticket.projectId,
        userId: actor.userId,
        workDate: input.workDate,
        minutes: input.minutes,
        note: input.note?.trim() ?? '',
        ...choice,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!entry) throw new Error('time entry insert returned nothing');
    return { ...entry, userName: actor.name };
  });
}

/** Changes an entry until it is billed (its author or an admin). */
export async function updateTimeEntry(
  ctx: AppContext,
  actor: Actor,
  input: Partial<TimeEntryInput> & { id: string },
): Promise<TimeEntryView> {
  authorize(policy.workAsStaff(actor), 'not_found');
  const now = ctx.clock.now();
  if (input.workDate !== undefined) checkWorkDate(input.workDate, now);
  return ctx.db.transaction(async (tx) => {
    const current = await lockEditable(tx, actor, input.id);
    const ticket = await ticketForTime(tx, current.ticketId);
    const billingChanged = input.billing !== undefined || input.overrideReason !== undefined;
    const choice = billingChanged
      ? await resolveBilling(tx, ticket.companyId, ticket.derivedBilling, input, now)
      : {};
    const [entry] = await tx
      .update(timeEntries)
      .set({
        ...(input.workDate !== undefined ? { workDate: input.workDate } : {}),
        ...(input.minutes !== undefined ? { minutes: input.minutes } : {}),
        ...(input.note !== undefined ? { note: input.note.trim() } : {}),
        ...choice,
        updatedAt: now,
      })
      .where(and(eq(timeEntries.id, current.id), isNull(timeEntries.billedAt)))
      .returning();
    if (!entry) throw new AppError('time_entry_billed');
    return { ...entry, userName: await userName(tx, entry.userId) };
  });
}

/** Deletes an entry that is not billed yet (its author or an admin). */
export async function deleteTimeEntry(ctx: AppContext, actor: Actor, input: { id: string }): Promise<void> {
  authorize(policy.workAsStaff(actor), 'not_found');
  await ctx.db.transaction(async (tx) => {
    const current = await lockEditable(tx, actor, input.id);
    const deleted = await tx
      .delete(timeEntries)
      .where(and(eq(timeEntries.id, current.id), isNull(timeEntries.billedAt)))
      .returning({ id: timeEntries.id });
    if (deleted.length === 0) throw new AppError('time_entry_billed');
  });
}

/** All time logged on a ticket, oldest work first (staff only). */
export async function listTicketTime(
  ctx: AppContext,
  actor: Actor,
  input: { ticketId: string },
): Promise<TimeEntryView[]> {
  authorize(policy.workAsStaff(actor), 'not_found');
  const ticket = await ticketForTime(ctx.db, input.ticketId);
  const rows = await ctx.db
    .select({ entry: timeEntries, userName: users.name })
    .from(timeEntries)
    .innerJoin(users, eq(users.id, timeEntries.userId))
    .where(eq(timeEntries.ticketId, ticket.id))
    .orderBy(asc(timeEntries.workDate), asc(timeEntries.createdAt));
  return rows.map((r) => ({ ...r.entry, userName: r.userName }));
}

async function lockEditable(tx: DbOrTx, actor: Actor, id: string): Promise<TimeEntry> {
  const [entry] = await tx.select().from(timeEntries).where(eq(timeEntries.id, id)).for('update');
  if (!entry) throw new AppError('not_found');
  authorize(policy.changeTimeEntry(actor, entry));
  if (entry.billedAt) throw new AppError('time_entry_billed');
  return entry;
}

async function resolveBilling(
  tx: DbOrTx,
  companyId: string,
  derived: BillingKind,
  input: Pick<TimeEntryInput, 'billing' | 'overrideReason'>,
  now: Date,
) {
  const choice = chooseBilling(derived, input.billing, input.overrideReason);
  if (!choice.ok) throw new AppError('time_override_reason_required');
  if (choice.billing === 'flex' && !(await activeFlexContract(tx, companyId, now))) {
    throw new AppError('time_flex_without_contract');
  }
  return {
    billing: choice.billing,
    billingOverridden: choice.overridden,
    overrideReason: choice.overrideReason,
  };
}

function checkWorkDate(workDate: string, now: Date) {
  if (workDate > zurichDateOf(now)) throw new AppError('time_work_date_in_future');
}

async function userName(db: DbOrTx, userId: string): Promise<string> {
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? '';
}

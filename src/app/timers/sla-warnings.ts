import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { ticketTimers, users } from '../../db/schema/index';
import { mailsAtOnce, readPrefs } from '../../domain/notifications/preferences';
import type { SlaTimer } from '../../domain/sla/index';
import { handlesDesk } from '../../domain/tickets/index';
import type { AppContext } from '../context';
import { installedEffects, type SlaRecomputeEffect } from '../effects';
import { notifyStaff } from '../notifications/notify-staff';
import { queueMail } from '../outbox';
import type { TicketRow } from '../tickets/record-event';

type TimerRow = typeof ticketTimers.$inferSelect;
type SlaKind =
  | 'sla_engagement_at_risk'
  | 'sla_engagement_breached'
  | 'sla_resolution_at_risk'
  | 'sla_resolution_breached';

const kindOf = (timer: SlaTimer): SlaKind =>
  `sla_${timer.clock}_${timer.kind === 'at_risk' ? 'at_risk' : 'breached'}` as SlaKind;

/**
 * R7 warnings: (re)arms the at-risk and breach timers of a ticket from the SLA engine's
 * `slaTimers(report)`, called by the SLA code in the transaction that recomputed the ticket.
 * Each warning is mailed once per ticket and target: a timer already fired stays fired; one not
 * yet fired moves to its new instant (criticality changed, clock paused and resumed …).
 */
export async function scheduleSlaWarnings(tx: Tx, ticketId: string, timers: SlaTimer[], now: Date) {
  if (!timers.length) return;
  // One statement for all of them; the kinds are distinct, so no row is upserted twice.
  await tx
    .insert(ticketTimers)
    .values(
      timers.map((timer) => ({
        ticketId,
        kind: kindOf(timer),
        dueAt: timer.at,
        ladder: 'sla',
        createdAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [ticketTimers.ticketId, ticketTimers.kind, ticketTimers.ladder],
      set: { dueAt: sql`excluded.due_at`, state: 'pending', doneAt: null },
      setWhere: ne(ticketTimers.state, 'done'),
    });
}

/** The after-recompute effect: the at-risk and breach timers follow every SLA recomputation. */
export const armSlaWarnings: SlaRecomputeEffect = (tx, change) =>
  scheduleSlaWarnings(tx, change.ticketId, change.timers, change.now);

/**
 * Fires an SLA warning if it still applies (ticket open, the clock still counting, an at-risk
 * warning before the due time, a breach warning after it): tells the assignee, or every active
 * staff member of the ticket's desk when nobody is assigned, in the app (the bell) and by mail
 * unless they turned SLA mails off or take a daily digest. One that no longer applies is neither
 * sent nor marked done.
 */
export async function fireSlaTimer(
  _ctx: AppContext,
  tx: Tx,
  ticket: TicketRow,
  timer: TimerRow,
  now: Date,
): Promise<boolean> {
  const target = timer.kind.startsWith('sla_engagement') ? 'engagement' : 'resolution';
  const dueAt = target === 'engagement' ? ticket.engagementDueAt : ticket.resolutionDueAt;
  const breach = timer.kind.endsWith('breached');
  const settle = (state: 'done' | 'cancelled') =>
    tx.update(ticketTimers).set({ state, doneAt: now }).where(eq(ticketTimers.id, timer.id));
  if (ticket.status === 'closed' || !dueAt) {
    // Closed, paused, met or stopped clock: the warning no longer applies (it may be re-armed
    // when the clock runs again).
    await settle('cancelled');
    return false;
  }
  if (breach && now < dueAt) {
    // The due time moved later since the timer was armed: wait for it.
    await tx.update(ticketTimers).set({ dueAt }).where(eq(ticketTimers.id, timer.id));
    return false;
  }
  if (!breach && now >= dueAt) {
    // Late (the worker was down): the target is breached already, and that is the warning to send.
    await settle('cancelled');
    return false;
  }
  const people = await recipients(tx, ticket);
  // Recorded as sent only with its mails queued in this transaction.
  await settle(people.length ? 'done' : 'cancelled');
  for (const effect of installedEffects().afterSlaWarning) {
    await effect(tx, { ticket, target, breach, dueAt, now });
  }
  await notifyStaff(
    tx,
    people.map((p) => p.id),
    { kind: 'sla_warning', ticket, actorId: null, data: { target, breach }, now, mail: false },
  );
  for (const person of people) {
    if (!mailsAtOnce(readPrefs(person.prefs), 'sla_warning')) continue;
    await queueMail(
      tx,
      {
        template: breach ? 'sla.breached' : 'sla.at_risk',
        recipient: person.notificationEmail ?? person.email,
        language: person.language,
        params: { ticketId: ticket.id, target, dueAt: dueAt.toISOString() },
        ticketId: ticket.id,
      },
      now,
    );
  }
  return people.length > 0;
}

async function recipients(tx: Tx, ticket: TicketRow) {
  const columns = {
    id: users.id,
    prefs: users.notificationPrefs,
    email: users.email,
    notificationEmail: users.notificationEmail,
    language: users.language,
  };
  if (ticket.assigneeId) {
    const assignee = await tx
      .select(columns)
      .from(users)
      .where(and(eq(users.id, ticket.assigneeId), eq(users.active, true)));
    if (assignee.length) return assignee;
  }
  const roles = (['agent', 'consultant'] as const).filter((role) => handlesDesk(role, ticket.desk));
  if (!roles.length) return [];
  return tx
    .select(columns)
    .from(users)
    .where(and(inArray(users.role, roles), eq(users.active, true)));
}

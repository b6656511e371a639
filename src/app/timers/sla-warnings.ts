import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { type ticketTimers, users } from '../../db/schema/index';
import { mailsAtOnce, readPrefs } from '../../domain/notifications/preferences';
import type { SlaTimer } from '../../domain/sla/index';
import { handlesDesk } from '../../domain/tickets/index';
import { installedEffects, type SlaRecomputeEffect } from '../effects';
import { notifyStaff } from '../notifications/notify-staff';
import { type QueuedMail, queueMails } from '../outbox';
import type { TicketRow } from '../tickets/record-event';
import type { TimerUpdate } from './timer-updates';

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
  // One statement for all of them; the kinds are distinct, so no row is upserted twice. Written as
  // SQL text: it runs after every SLA recomputation (see `tableRows`).
  const rows = timers.map(
    (timer) => sql`(${ticketId}, ${kindOf(timer)}, ${timer.at.toISOString()}, 'sla', ${now.toISOString()})`,
  );
  await tx.execute(sql`
    insert into ticket_timers (ticket_id, kind, due_at, ladder, created_at)
    values ${sql.join(rows, sql`, `)}
    on conflict (ticket_id, kind, ladder) do update
      set due_at = excluded.due_at, state = 'pending', done_at = null
      where ticket_timers.state <> 'done'`);
}

/** The after-recompute effect: the at-risk and breach timers follow every SLA recomputation. */
export const armSlaWarnings: SlaRecomputeEffect = (tx, change) =>
  scheduleSlaWarnings(tx, change.ticketId, change.timers, change.now);

/** An SLA warning that still applies, with the staff it goes to. */
export interface SlaFiring {
  ticket: TicketRow;
  target: 'engagement' | 'resolution';
  breach: boolean;
  dueAt: Date;
  people: Recipient[];
}

/**
 * Decides the SLA warnings of a batch: each fires if it still applies (ticket open, the clock
 * still counting, an at-risk warning before the due time, a breach warning after it), to the
 * assignee, or every active staff member of the ticket's desk when nobody is assigned (read in two
 * statements for the whole batch). One that no longer applies is cancelled or waits; one that fires
 * is recorded as sent (done) only with someone to tell, in the transaction that queues its mails.
 */
export async function decideSlaWarnings(
  tx: Tx,
  steps: readonly { ticket: TicketRow; timer: TimerRow }[],
  now: Date,
): Promise<{ updates: TimerUpdate[]; firings: SlaFiring[] }> {
  const updates: TimerUpdate[] = [];
  const due: Omit<SlaFiring, 'people'>[] = [];
  const timerOf = new Map<string, TimerRow>();
  for (const { ticket, timer } of steps) {
    const target = timer.kind.startsWith('sla_engagement') ? 'engagement' : 'resolution';
    const dueAt = target === 'engagement' ? ticket.engagementDueAt : ticket.resolutionDueAt;
    const breach = timer.kind.endsWith('breached');
    if (ticket.status === 'closed' || !dueAt) {
      // Closed, paused, met or stopped clock: the warning no longer applies (it may be re-armed
      // when the clock runs again).
      updates.push({ id: timer.id, state: 'cancelled', at: now });
    } else if (breach && now < dueAt) {
      // The due time moved later since the timer was armed: wait for it.
      updates.push({ id: timer.id, dueAt });
    } else if (!breach && now >= dueAt) {
      // Late (the worker was down): the target is breached already, and that is the warning to send.
      updates.push({ id: timer.id, state: 'cancelled', at: now });
    } else {
      due.push({ ticket, target, breach, dueAt });
      timerOf.set(ticket.id, timer);
    }
  }
  const peopleOf = await recipients(
    tx,
    due.map((d) => d.ticket),
  );
  const firings = due.map((d) => ({ ...d, people: peopleOf(d.ticket) }));
  for (const firing of firings) {
    const timer = timerOf.get(firing.ticket.id);
    if (timer) updates.push({ id: timer.id, state: firing.people.length ? 'done' : 'cancelled', at: now });
  }
  return { updates, firings: firings.filter((f) => f.people.length > 0) };
}

/**
 * Sends the warnings that fired: the installed after-warning effects, the notice in the app (the
 * bell) without mail, and the mails of those who did not turn SLA mails off nor take a daily
 * digest, all of the batch in one statement.
 */
export async function applySlaWarnings(tx: Tx, firings: readonly SlaFiring[], now: Date): Promise<void> {
  const mails: QueuedMail[] = [];
  for (const { ticket, target, breach, dueAt, people } of firings) {
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
      mails.push({
        template: breach ? 'sla.breached' : 'sla.at_risk',
        recipient: person.notificationEmail ?? person.email,
        language: person.language,
        params: { ticketId: ticket.id, target, dueAt: dueAt.toISOString() },
        ticketId: ticket.id,
      });
    }
  }
  await queueMails(tx, mails, now);
}

type Recipient = Awaited<ReturnType<typeof staffReadFor>>[number];

const staffReadFor = (tx: Tx, where: SQL | undefined) =>
  tx
    .select({
      id: users.id,
      role: users.role,
      prefs: users.notificationPrefs,
      email: users.email,
      notificationEmail: users.notificationEmail,
      language: users.language,
    })
    .from(users)
    .where(and(where, eq(users.active, true)));

/** Who hears of each ticket's warning: its active assignee, else the active staff of its desk. */
async function recipients(tx: Tx, ticketRows: TicketRow[]): Promise<(ticket: TicketRow) => Recipient[]> {
  if (!ticketRows.length) return () => [];
  const assigneeIds = [...new Set(ticketRows.flatMap((t) => (t.assigneeId ? [t.assigneeId] : [])))];
  const assignees = new Map(
    (assigneeIds.length ? await staffReadFor(tx, inArray(users.id, assigneeIds)) : []).map((u) => [u.id, u]),
  );
  const unassigned = ticketRows.some((t) => !t.assigneeId || !assignees.has(t.assigneeId));
  const staff = unassigned ? await staffReadFor(tx, inArray(users.role, ['agent', 'consultant'])) : [];
  return (ticket) => {
    const assignee = ticket.assigneeId ? assignees.get(ticket.assigneeId) : undefined;
    if (assignee) return [assignee];
    return staff.filter(
      (p) => (p.role === 'agent' || p.role === 'consultant') && handlesDesk(p.role, ticket.desk),
    );
  };
}

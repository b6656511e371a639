import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { notifications, type tickets, users } from '../../db/schema/index';
import { mailsAtOnce, readPrefs, type StaffNoticeKind } from '../../domain/notifications/preferences';
import { type Desk, handlesDesk } from '../../domain/tickets/index';
import { announceTicketChange, type TicketChangedNotice } from '../live/channel';
import { queueMail } from '../outbox';

type TicketRow = typeof tickets.$inferSelect;

export interface StaffNotice {
  kind: StaffNoticeKind;
  ticket: TicketRow;
  /** Who caused it (never notified of their own act); null when the system acted. */
  actorId: string | null;
  actorName?: string | null;
  /** The words that caused it (a reply, a note), quoted in the mail. */
  excerpt?: string | null;
  data?: Record<string, unknown>;
  now: Date;
  /** False when the kind already has its own mail (SLA warnings). */
  mail?: boolean;
}

/**
 * Tells staff of something on a ticket, in the same transaction as the change: a row in their
 * notices (the bell), a mail unless their preferences say otherwise, and a live notice so open
 * consoles refresh their bell when the transaction commits.
 */
export async function notifyStaff(
  tx: Tx,
  recipientIds: readonly string[],
  notice: StaffNotice,
): Promise<string[]> {
  const ids = [...new Set(recipientIds)].filter((id) => id !== notice.actorId);
  if (!ids.length) return [];
  const people = await tx
    .select({
      id: users.id,
      role: users.role,
      email: users.email,
      notificationEmail: users.notificationEmail,
      language: users.language,
      prefs: users.notificationPrefs,
    })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  const staff = people.filter((p) => p.role !== 'customer');
  if (!staff.length) return [];
  await tx.insert(notifications).values(
    staff.map((p) => ({
      userId: p.id,
      kind: notice.kind,
      ticketId: notice.ticket.id,
      actorId: notice.actorId,
      data: { ...notice.data, ...(notice.excerpt ? { excerpt: notice.excerpt.slice(0, 280) } : {}) },
      createdAt: notice.now,
    })),
  );
  for (const person of staff) {
    if (notice.mail === false || !mailsAtOnce(readPrefs(person.prefs), notice.kind)) continue;
    await queueMail(
      tx,
      {
        template: 'staff.notice',
        recipient: person.notificationEmail ?? person.email,
        language: person.language,
        params: {
          ticketId: notice.ticket.id,
          kind: notice.kind,
          actorName: notice.actorName ?? null,
          excerpt: notice.excerpt ?? null,
        },
        ticketId: notice.ticket.id,
      },
      notice.now,
    );
  }
  const live: TicketChangedNotice = {
    ticketId: notice.ticket.id,
    key: notice.ticket.key,
    status: notice.ticket.status,
    companyId: notice.ticket.companyId,
    actorId: notice.actorId,
    internal: true,
    recipients: staff.map((p) => p.id),
  };
  await announceTicketChange(tx, live, notice.now);
  return staff.map((p) => p.id);
}

/** The active agents or consultants who work a desk (administrators are not on a desk's rota). */
export async function deskStaffIds(tx: Tx, desk: Desk): Promise<string[]> {
  const roles = (['agent', 'consultant'] as const).filter((role) => handlesDesk(role, desk));
  if (!roles.length) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, roles), eq(users.active, true)));
  return rows.map((r) => r.id);
}

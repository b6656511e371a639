import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { notifications, type tickets } from '../../db/schema/index';
import { mailsAtOnce, readPrefs, type StaffNoticeKind } from '../../domain/notifications/preferences';
import { type Desk, handlesDesk } from '../../domain/tickets/index';
import type { Language } from '../../i18n/language';
import { announceTicketChange, type TicketChangedNotice } from '../live/channel';
import { type QueuedMail, queueMails } from '../outbox';

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
  recipients: readonly string[] | { desk: Desk },
  notice: StaffNotice,
): Promise<string[]> {
  const staff = await staffToNotify(tx, recipients, notice.actorId);
  if (!staff.length) return [];
  // Written as SQL text, one row per person from one JSON list: the query builder spends more
  // CPU assembling a many-row insert than the database spends running it.
  const data = { ...notice.data, ...(notice.excerpt ? { excerpt: notice.excerpt.slice(0, 280) } : {}) };
  await tx.execute(sql`
    insert into ${notifications} (user_id, kind, ticket_id, actor_id, data, created_at)
    select person.id::uuid, ${notice.kind}, ${notice.ticket.id}::uuid, ${notice.actorId}::uuid,
           ${JSON.stringify(data)}::jsonb, ${notice.now.toISOString()}::timestamptz
      from jsonb_array_elements_text(${JSON.stringify(staff.map((p) => p.id))}::jsonb)
        with ordinality as person(id, n)
     order by person.n`);
  const mails: QueuedMail[] = [];
  for (const person of staff) {
    if (notice.mail === false || !mailsAtOnce(readPrefs(person.prefs), notice.kind)) continue;
    mails.push({
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
    });
  }
  await queueMails(tx, mails, notice.now);
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

/** A member of staff to notify, with what decides their mail. */
interface StaffRecipient {
  id: string;
  email: string;
  notificationEmail: string | null;
  language: Language;
  prefs: Record<string, unknown>;
}

/**
 * The active staff among the recipients, never the actor: people named by id, or the agents or
 * consultants who work a desk (administrators are not on a desk's rota), read in one statement
 * written as SQL text (it runs on every customer reply).
 */
async function staffToNotify(
  tx: Tx,
  recipients: readonly string[] | { desk: Desk },
  actorId: string | null,
): Promise<StaffRecipient[]> {
  let who: SQL;
  if ('desk' in recipients) {
    const roles = (['agent', 'consultant'] as const).filter((role) => handlesDesk(role, recipients.desk));
    if (!roles.length) return [];
    who = sql`role::text in (select jsonb_array_elements_text(${JSON.stringify(roles)}::jsonb))`;
  } else {
    const ids = [...new Set(recipients)].filter((id) => id !== actorId);
    if (!ids.length) return [];
    who = sql`id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
              and role <> 'customer'`;
  }
  const result = await tx.execute(sql`
    select id, email, notification_email, language, notification_prefs from users
     where ${who} and active and id is distinct from ${actorId}::uuid`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => ({
    id: row.id as string,
    email: row.email as string,
    notificationEmail: (row.notification_email as string | null) ?? null,
    language: row.language as Language,
    prefs: row.notification_prefs as Record<string, unknown>,
  }));
}

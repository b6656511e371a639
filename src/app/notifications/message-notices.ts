import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { type tickets, users } from '../../db/schema/index';
import { mentionedIn } from '../../domain/notifications/mentions';
import type { Actor } from '../context';
import { notifyStaff } from './notify-staff';

type TicketRow = typeof tickets.$inferSelect;

/**
 * Who on staff hears of a new message: a customer's reply goes to the ticket's assignee, or to
 * its desk's staff while nobody has it; an internal note goes to the staff it @mentions, and to
 * them only.
 */
export async function noticeNewMessage(
  tx: Tx,
  input: { ticket: TicketRow; actor: Actor; body: string; visibility: 'public' | 'internal'; now: Date },
): Promise<void> {
  const { ticket, actor, body, now } = input;
  const base = { ticket, actorId: actor.userId, actorName: actor.name, excerpt: body, now };
  if (actor.role === 'customer') {
    const recipients = ticket.assigneeId ? [ticket.assigneeId] : { desk: ticket.desk };
    await notifyStaff(tx, recipients, { ...base, kind: 'customer_reply' });
    return;
  }
  if (input.visibility !== 'internal' || !body.includes('@')) return;
  const staff = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(ne(users.role, 'customer'), eq(users.active, true)));
  const mentioned = mentionedIn(body, staff);
  if (mentioned.length) await notifyStaff(tx, mentioned, { ...base, kind: 'mention' });
}

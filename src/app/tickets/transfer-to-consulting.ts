import type { Tx } from '../../db/client';
import { ticketMessages } from '../../db/schema/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { notifyStaff } from '../notifications/notify-staff';
import { applyStatusChange } from './apply-status-change';
import { mailTicketCreator } from './notify';
import { recordEvent, type TicketRow, type Visibility } from './record-event';
import { loadTicketFor } from './scope';

export interface TransferInput {
  /** Why the request goes to Consulting, for the consultants (internal, required). */
  note: string;
  /** An optional word to the customer (public, mailed). */
  customerMessage?: string | null;
}

/**
 * Hands a support ticket to the Consulting department (R6): it moves to the consulting desk,
 * unassigned, keeping its SUP key; a consultant takes it from there and its time becomes billable.
 * The note to the consultants is an internal note of the ticket, and the consulting desk is told
 * (in the app and by mail); a message to the customer, when given, is a public answer and takes the
 * place of the status mail, so the customer gets one mail saying both.
 */
export async function transferToConsulting(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  input: TransferInput,
): Promise<TicketRow> {
  const note = input.note.trim();
  const customerMessage = input.customerMessage?.trim() || null;
  if (!note) throw new AppError('transfer_note_required');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadTicketFor(tx, actor, ticketId, { lock: true });
    let { ticket } = await applyStatusChange(tx, {
      ticket: loaded,
      actor,
      to: 'transferred_consulting',
      now,
      mail: customerMessage === null,
    });
    ({ ticket } = await postMessage(tx, { ticket, actor, body: note, visibility: 'internal', now }));
    if (customerMessage) {
      const posted = await postMessage(tx, {
        ticket,
        actor,
        body: customerMessage,
        visibility: 'public',
        now,
      });
      ticket = posted.ticket;
      await mailTicketCreator(tx, {
        ticket,
        template: 'ticket.public_answer',
        params: { messageId: posted.messageId },
        actorId: actor.userId,
        now,
      });
    }
    await notifyStaff(
      tx,
      { desk: 'consulting' },
      {
        kind: 'transferred',
        ticket,
        actorId: actor.userId,
        actorName: actor.name,
        excerpt: note,
        now,
      },
    );
    return ticket;
  });
}

/** A staff message of the transfer, with its timeline entry (the note is marked as the transfer's). */
async function postMessage(
  tx: Tx,
  m: { ticket: TicketRow; actor: Actor; body: string; visibility: Visibility; now: Date },
): Promise<{ ticket: TicketRow; messageId: string }> {
  const [message] = await tx
    .insert(ticketMessages)
    .values({
      ticketId: m.ticket.id,
      authorId: m.actor.userId,
      body: m.body,
      visibility: m.visibility,
      source: 'portal',
      createdAt: m.now,
    })
    .returning({ id: ticketMessages.id });
  if (!message) throw new Error('message insert returned nothing');
  const internal = m.visibility === 'internal';
  const { ticket } = await recordEvent(tx, {
    ticket: m.ticket,
    actorId: m.actor.userId,
    kind: internal ? 'internal_note' : 'message',
    visibility: m.visibility,
    data: {
      messageId: message.id,
      source: 'portal',
      byStaff: true,
      ...(internal ? { transferNote: true } : {}),
    },
    now: m.now,
  });
  return { ticket, messageId: message.id };
}

import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { users } from '../../db/schema/index';
import { queueMail } from '../outbox';
import type { TicketRow } from './record-event';

/**
 * Queues a mail to the ticket's customer contact (its creator when a customer) in their
 * language. Nobody is mailed about what they did themselves, and staff creators get no customer
 * mails. Params always carry the ticket id: templates render from the ticket's current state.
 */
export async function mailTicketCreator(tx: Tx, input: CreatorMail): Promise<boolean> {
  return (await queueCreatorMail(tx, input)) !== null;
}

export interface CreatorMail {
  ticket: TicketRow;
  template: string;
  params?: Record<string, unknown>;
  actorId: string | null;
  now: Date;
  /** Mail even when the creator is the one acting (e.g. the receipt of their own ticket). */
  includeActor?: boolean;
}

/** As `mailTicketCreator`, returning the outbox id of the queued mail, or null when nobody is mailed. */
export async function queueCreatorMail(tx: Tx, input: CreatorMail): Promise<number | null> {
  const { ticket } = input;
  if (!input.includeActor && ticket.createdBy === input.actorId) return null;
  const [creator] = await tx.select().from(users).where(eq(users.id, ticket.createdBy)).limit(1);
  if (creator?.role !== 'customer' || !creator.active) return null;
  return queueMail(
    tx,
    {
      template: input.template,
      recipient: creator.notificationEmail ?? creator.email,
      language: creator.language,
      params: { ticketId: ticket.id, ...input.params },
      ticketId: ticket.id,
    },
    input.now,
  );
}

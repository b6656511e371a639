import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client';
import { tickets } from '../../db/schema/index';
import { recordEvent, type TicketEventKind } from './record-event';

/**
 * A mail the ticket's history speaks of carries, in its outbox parameters, the public entry to
 * write once it has left (`timelineWhenSent`): the history then says "sent" only of mails that were
 * sent. It is written in the transaction that marks the mail sent, so exactly once.
 */
const announced = z.object({
  timelineWhenSent: z.object({ kind: z.string(), data: z.record(z.string(), z.unknown()).default({}) }),
});

export interface MailOutcome {
  outboxId: number;
  ticketId: string | null;
  template: string;
  params: Record<string, unknown>;
  status: 'sent' | 'dropped' | 'failed';
  reason?: string | null;
  at: Date;
}

/** Writes what the history says of a mail that left or will never leave; nothing for other mails. */
export async function recordMailOutcome(tx: Tx, outcome: MailOutcome): Promise<void> {
  const parsed = announced.safeParse(outcome.params);
  if (!parsed.success || !outcome.ticketId) return;
  const [ticket] = await tx
    .select()
    .from(tickets)
    .where(eq(tickets.id, outcome.ticketId))
    .limit(1)
    .for('update');
  if (!ticket) return;
  const { kind, data } = parsed.data.timelineWhenSent;
  const sent = outcome.status === 'sent';
  await recordEvent(tx, {
    ticket,
    actorId: null,
    // The kinds announced are written by this module's callers (R9 reminders).
    kind: (sent ? kind : 'mail_not_sent') as TicketEventKind,
    // A mail that did not leave is said so to staff only, never as a public claim.
    visibility: sent ? 'public' : 'internal',
    data: sent
      ? { ...data, outboxId: outcome.outboxId }
      : {
          ...data,
          outboxId: outcome.outboxId,
          template: outcome.template,
          status: outcome.status,
          reason: outcome.reason ?? null,
          announced: kind,
        },
    now: outcome.at,
    touch: false,
  });
}

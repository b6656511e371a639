import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { satisfactionSurveys, users } from '../../db/schema/index';
import { newToken } from '../auth/tokens';
import type { TicketRow } from './record-event';
import { closingInvitesToSurvey } from './survey-invitation';

/**
 * A closed ticket invites the customer who opened it to rate it: one survey per ticket, rating
 * the assignee at closing. Returns the link's token (only its hash is kept), or null when the
 * ticket was opened by staff, who are not surveyed, or when an admin turned surveys off (for every
 * closing, or for the automatic ones only).
 */
export async function issueSurvey(
  tx: Tx,
  ticket: TicketRow,
  now: Date,
  closing: { automatic: boolean },
): Promise<string | null> {
  if (!(await closingInvitesToSurvey(tx, closing.automatic))) return null;
  const [creator] = await tx
    .select({ role: users.role })
    .from(users)
    .where(eq(users.id, ticket.createdBy))
    .limit(1);
  if (creator?.role !== 'customer') return null;
  const { token, hash } = newToken();
  const inserted = await tx
    .insert(satisfactionSurveys)
    .values({
      ticketId: ticket.id,
      companyId: ticket.companyId,
      requesterId: ticket.createdBy,
      agentId: ticket.assigneeId,
      tokenHash: hash,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: satisfactionSurveys.id });
  return inserted.length ? token : null;
}

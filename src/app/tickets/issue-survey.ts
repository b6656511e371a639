import { eq } from 'drizzle-orm';
import { anyOf } from '../../db/any-of';
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
    .values(surveyRow(ticket, hash, now))
    .onConflictDoNothing()
    .returning({ id: satisfactionSurveys.id });
  return inserted.length ? token : null;
}

/**
 * `issueSurvey` for many closings at once (the automatic ones of R9): the setting and the
 * requesters read once, the surveys inserted in one statement. Returns each ticket's token, by id.
 */
export async function issueSurveys(
  tx: Tx,
  closed: readonly TicketRow[],
  now: Date,
  closing: { automatic: boolean },
): Promise<Map<string, string | null>> {
  const tokens = new Map<string, string | null>(closed.map((t) => [t.id, null]));
  if (!closed.length || !(await closingInvitesToSurvey(tx, closing.automatic))) return tokens;
  const roles = new Map(
    (
      await tx
        .select({ id: users.id, role: users.role })
        .from(users)
        .where(anyOf(users.id, [...new Set(closed.map((t) => t.createdBy))], 'uuid'))
    ).map((u) => [u.id, u.role]),
  );
  const surveyed = closed
    .filter((ticket) => roles.get(ticket.createdBy) === 'customer')
    .map((ticket) => ({ ticket, ...newToken() }));
  if (!surveyed.length) return tokens;
  const inserted = await tx
    .insert(satisfactionSurveys)
    .values(surveyed.map(({ ticket, hash }) => surveyRow(ticket, hash, now)))
    .onConflictDoNothing()
    .returning({ ticketId: satisfactionSurveys.ticketId });
  const issued = new Set(inserted.map((row) => row.ticketId));
  for (const { ticket, token } of surveyed) if (issued.has(ticket.id)) tokens.set(ticket.id, token);
  return tokens;
}

/** A survey of the ticket's requester about its handler, known by the hash of its token. */
function surveyRow(
  ticket: Pick<TicketRow, 'id' | 'companyId' | 'createdBy' | 'assigneeId'>,
  tokenHash: string,
  now: Date,
) {
  return {
    ticketId: ticket.id,
    companyId: ticket.companyId,
    requesterId: ticket.createdBy,
    agentId: ticket.assigneeId,
    tokenHash,
    createdAt: now,
  };
}

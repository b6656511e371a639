import { eq } from 'drizzle-orm';
import { satisfactionSurveys, tickets } from '../../db/schema/index';
import { hashToken } from '../auth/tokens';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { policy } from '../policy';
import { loadTicketFor } from '../tickets/scope';

/** A survey as its page shows it: the ticket it rates and the answer once given. */
export interface SurveyView {
  ticketId: string;
  ticketKey: string;
  subject: string;
  score: number | null;
  comment: string | null;
  answeredAt: Date | null;
  /** Whether the reader may answer it now. */
  canAnswer: boolean;
}

/** The survey behind a mail link; an unknown token is refused like a wrong one. */
export async function readSurveyByToken(ctx: AppContext, token: string): Promise<SurveyView> {
  const [row] = await ctx.db
    .select({ survey: satisfactionSurveys, key: tickets.key, subject: tickets.subject })
    .from(satisfactionSurveys)
    .innerJoin(tickets, eq(tickets.id, satisfactionSurveys.ticketId))
    .where(eq(satisfactionSurveys.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) throw new AppError('survey_link_invalid');
  return view(row.survey, row.key, row.subject, row.survey.answeredAt === null);
}

/** The survey of a ticket the reader sees, or null when the ticket has none. */
export async function readTicketSurvey(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
): Promise<SurveyView | null> {
  const ticket = await loadTicketFor(ctx.db, actor, ticketId);
  const [survey] = await ctx.db
    .select()
    .from(satisfactionSurveys)
    .where(eq(satisfactionSurveys.ticketId, ticket.id))
    .limit(1);
  if (!survey) return null;
  const canAnswer = survey.answeredAt === null && policy.answerSurvey(actor, ticket);
  return view(survey, ticket.key, ticket.subject, canAnswer);
}

function view(
  survey: typeof satisfactionSurveys.$inferSelect,
  ticketKey: string,
  subject: string,
  canAnswer: boolean,
): SurveyView {
  return {
    ticketId: survey.ticketId,
    ticketKey,
    subject,
    score: survey.score,
    comment: survey.comment,
    answeredAt: survey.answeredAt,
    canAnswer,
  };
}

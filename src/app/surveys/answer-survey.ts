import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { satisfactionSurveys, tickets } from '../../db/schema/index';
import { hashToken } from '../auth/tokens';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { recordEvent } from '../tickets/record-event';
import { loadTicketFor } from '../tickets/scope';

export type SurveyRow = typeof satisfactionSurveys.$inferSelect;
export type SurveyChannel = 'mail' | 'portal';

export interface SurveyAnswer {
  score: number;
  comment?: string | null;
}

/** The longest comment kept; longer ones are refused by the request schema before this. */
export const SURVEY_COMMENT_MAX = 2000;

/** Answers the survey from the closing mail's link: the token is the key, no sign-in needed. */
export async function answerSurveyByToken(
  ctx: AppContext,
  token: string,
  answer: SurveyAnswer,
): Promise<SurveyRow> {
  return ctx.db.transaction(async (tx) => {
    const [survey] = await tx
      .select()
      .from(satisfactionSurveys)
      .where(eq(satisfactionSurveys.tokenHash, hashToken(token)))
      .for('update')
      .limit(1);
    if (!survey) throw new AppError('survey_link_invalid');
    return recordAnswer(ctx, tx, survey, answer, { by: survey.requesterId, via: 'mail' });
  });
}

/** Answers the survey of a closed ticket from the portal: customers of the ticket's company. */
export async function answerTicketSurvey(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  answer: SurveyAnswer,
): Promise<SurveyRow> {
  return ctx.db.transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, actor, ticketId);
    authorize(policy.answerSurvey(actor, ticket));
    const [survey] = await tx
      .select()
      .from(satisfactionSurveys)
      .where(eq(satisfactionSurveys.ticketId, ticket.id))
      .for('update')
      .limit(1);
    if (!survey) throw new AppError('not_found');
    return recordAnswer(ctx, tx, survey, answer, { by: actor.userId, via: 'portal' });
  });
}

/** One answer per survey: the first one is kept and written to the ticket's public timeline. */
async function recordAnswer(
  ctx: AppContext,
  tx: Tx,
  survey: SurveyRow,
  answer: SurveyAnswer,
  who: { by: string; via: SurveyChannel },
): Promise<SurveyRow> {
  if (survey.answeredAt) throw new AppError('survey_already_answered');
  if (!Number.isInteger(answer.score) || answer.score < 1 || answer.score > 5) {
    throw new AppError('survey_score_invalid');
  }
  const comment = answer.comment?.trim().slice(0, SURVEY_COMMENT_MAX) || null;
  const now = ctx.clock.now();
  const [answered] = await tx
    .update(satisfactionSurveys)
    .set({ score: answer.score, comment, answeredAt: now, answeredBy: who.by, answeredVia: who.via })
    .where(and(eq(satisfactionSurveys.id, survey.id), isNull(satisfactionSurveys.answeredAt)))
    .returning();
  if (!answered) throw new AppError('survey_already_answered');
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, survey.ticketId)).limit(1);
  if (!ticket) throw new AppError('not_found');
  await recordEvent(tx, {
    ticket,
    actorId: who.by,
    kind: 'survey_answered',
    visibility: 'public',
    data: { score: answer.score, comment, via: who.via },
    now,
    touch: false,
  });
  return answered;
}

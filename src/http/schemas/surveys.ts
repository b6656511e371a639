import { z } from 'zod';
import { idSchema } from './common';

export const surveyScore = z.number().int().min(1).max(5);

/** A score from 1 to 5 and, if the customer wishes, a comment. */
export const surveyAnswerBody = z.object({
  score: surveyScore,
  comment: z.string().trim().max(2000).nullish(),
});

export const surveyLinkQuery = z.object({ token: z.string().min(1).max(200) });
export const surveyLinkAnswerBody = surveyAnswerBody.extend({ token: z.string().min(1).max(200) });

/** The survey of a closed ticket: the answer once given, and whether the reader may answer now. */
export const surveySchema = z.object({
  ticketId: idSchema,
  ticketKey: z.string(),
  subject: z.string(),
  score: surveyScore.nullable(),
  comment: z.string().nullable(),
  answeredAt: z.string().nullable(),
  canAnswer: z.boolean(),
});
export type SurveyDto = z.infer<typeof surveySchema>;

/** A ticket's survey, or null when it has none (not closed, or opened by staff). */
export const ticketSurveyResponse = z.object({ survey: surveySchema.nullable() });

/** The admins' switches: surveys on or off, and on or off after automatic closings (R9). */
export const surveySettingsSchema = z.object({
  enabled: z.boolean().describe('Closings invite the requester to the satisfaction survey'),
  afterAutomaticClosing: z
    .boolean()
    .describe('Automatic closings for lack of answer invite too (only when enabled)'),
});

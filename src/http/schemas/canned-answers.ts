import { z } from 'zod';
import { CANNED_ANSWER_VARIABLES, unknownVariables } from '../../domain/canned-answers/variables';
import { idSchema, text } from './common';
import { ticketStatusSchema } from './tickets';

/** The variables a canned answer may use, for the editors' help and flags. */
export const cannedAnswerVariables = CANNED_ANSWER_VARIABLES;
/** The same check as the server's, so the editor flags an unknown variable as it is typed. */
export { unknownVariables };

const texts = z.object({ fr: text(20_000), de: text(20_000), en: text(20_000) });

export const cannedAnswerBody = z.object({
  title: text(120),
  texts,
  statusAfter: ticketStatusSchema.nullable().default(null),
  /** Shared with the whole team (admins), or personal (the caller's own). */
  shared: z.boolean().default(false),
});
export type CannedAnswerBody = z.input<typeof cannedAnswerBody>;

export const cannedAnswerUpdateBody = cannedAnswerBody.omit({ shared: true });

export const cannedAnswerSchema = z.object({
  id: idSchema,
  title: z.string(),
  texts: z.object({ fr: z.string(), de: z.string(), en: z.string() }),
  statusAfter: ticketStatusSchema.nullable(),
  shared: z.boolean(),
  /** Whether the caller may change or delete it. */
  canEdit: z.boolean(),
  /** Variables used that do not exist, per language: shown flagged in the editor. */
  unknownVariables: z.array(z.string()),
});
export type CannedAnswerDto = z.infer<typeof cannedAnswerSchema>;

export const cannedAnswerList = z.object({ items: z.array(cannedAnswerSchema) });

export const filledCannedAnswerParams = z.object({ id: idSchema, answerId: idSchema });
export const filledCannedAnswerResponse = z.object({
  language: z.enum(['fr', 'de', 'en']),
  text: z.string(),
  unknownVariables: z.array(z.string()),
  statusAfter: ticketStatusSchema.nullable(),
});

import { z } from 'zod';
import { criticalitySchema } from './tickets';

export const qualificationPreviewBody = z.object({
  criticality: criticalitySchema,
  reason: z.string().trim().max(2000).default(''),
});

export const qualificationPreviewResponse = z.object({
  mailed: z.boolean(),
  recipient: z
    .object({ name: z.string(), email: z.string(), language: z.enum(['fr', 'de', 'en']) })
    .nullable(),
  subject: z.string().nullable(),
  text: z.string().nullable(),
});
export type QualificationPreviewDto = z.infer<typeof qualificationPreviewResponse>;

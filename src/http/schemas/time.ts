import { z } from 'zod';
import { idSchema } from './common';

export const timeBillingSchema = z.enum(['flex', 'regie', 'maintenance']);

const workDate = z.iso.date();
const minutes = z.number().int().min(1).max(1440);
const note = z.string().trim().max(2000);

export const timeEntrySchema = z.object({
  id: idSchema,
  ticketId: idSchema,
  companyId: idSchema,
  projectId: idSchema.nullable(),
  userId: idSchema,
  userName: z.string(),
  workDate: z.string(),
  minutes: z.number().int(),
  note: z.string(),
  billing: timeBillingSchema,
  billingOverridden: z.boolean(),
  overrideReason: z.string().nullable(),
  billedAt: z.string().nullable(),
  billingRunId: idSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TimeEntryDto = z.infer<typeof timeEntrySchema>;

export const logTimeBody = z.object({
  workDate,
  minutes,
  note: note.optional(),
  /** Bill otherwise than the ticket implies; needs `overrideReason`. */
  billing: timeBillingSchema.optional(),
  overrideReason: z.string().trim().max(500).optional(),
});

export const updateTimeBody = z.object({
  workDate: workDate.optional(),
  minutes: minutes.optional(),
  note: note.optional(),
  /** null: back to what the ticket implies. */
  billing: timeBillingSchema.nullable().optional(),
  overrideReason: z.string().trim().max(500).nullable().optional(),
});

export const ticketTimeResponse = z.object({
  items: z.array(timeEntrySchema),
  totalMinutes: z.number().int(),
  unbilledMinutes: z.number().int(),
});

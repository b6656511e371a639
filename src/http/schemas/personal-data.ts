import { z } from 'zod';
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from '../../domain/personal-data/retention';

export const erasureBody = z.object({
  confirmName: z
    .string()
    .max(300)
    .describe("The person's name, typed to confirm: the erasure cannot be undone"),
  removeFiles: z.boolean().default(false).describe('Also remove the files the person uploaded'),
});

export const erasureOutcome = z.object({
  removedAttachments: z.number().int(),
  replacedCopies: z.record(z.string(), z.number().int()).describe('Rows rewritten, per table.column'),
});

export const retentionSettings = z.object({
  ticketYears: z
    .number()
    .int()
    .min(MIN_RETENTION_YEARS)
    .max(MAX_RETENTION_YEARS)
    .nullable()
    .describe(
      "Years after a ticket's last change before it is closed and its texts and files removed; null keeps tickets",
    ),
});

import { z } from 'zod';
import { idSchema, text } from './common';

/** A Zurich calendar date, 'YYYY-MM-DD'. */
export const isoDateSchema = z.iso.date();

export const flexMovementKindSchema = z.enum(['credit', 'debit', 'adjustment']);

export const flexTicketRefSchema = z.object({ id: idSchema, key: z.string(), subject: z.string() });

export const flexMovementSchema = z.object({
  id: z.number().int(),
  kind: flexMovementKindSchema,
  /** Signed whole minutes: credits positive, debits negative. */
  minutes: z.number().int(),
  reason: z.string().nullable(),
  ticket: flexTicketRefSchema.nullable(),
  billingRunId: idSchema.nullable(),
  createdAt: z.string(),
});
export type FlexMovementDto = z.infer<typeof flexMovementSchema>;

export const flexContractSchema = z.object({
  id: idSchema,
  reference: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
});

export const flexQuery = z.object({
  /** Staff: the company to show (customers always see their own). */
  companyId: idSchema.optional(),
});

export const flexOverviewResponse = z.object({
  companyId: idSchema,
  balanceMinutes: z.number().int(),
  /** Minutes below zero (0: none): billed work beyond the balance, covered first by the next credit. */
  overdraftMinutes: z.number().int(),
  lowBalanceMinutes: z.number().int().nullable(),
  contract: flexContractSchema,
  /** Newest first (the latest 500; the statement covers any period). */
  movements: z.array(flexMovementSchema),
  /** Minutes debited per month (Zurich time), oldest first. */
  perMonth: z.array(z.object({ month: z.string(), minutes: z.number().int() })),
  /** Time logged on Flex-billed tickets, not yet debited by a billing run ("pending"), per ticket. */
  pending: z.array(
    z.object({
      ticket: flexTicketRefSchema,
      minutes: z.number().int(),
      /** The latest day worked, 'YYYY-MM-DD'. */
      lastWorkDate: z.string(),
    }),
  ),
});
export type FlexOverviewDto = z.infer<typeof flexOverviewResponse>;

export const flexStatementQuery = z.object({
  companyId: idSchema.optional(),
  from: isoDateSchema,
  to: isoDateSchema,
});

export const flexStatementLineSchema = flexMovementSchema.extend({
  /** The time entries behind a debit. */
  timeEntries: z.array(
    z.object({
      id: idSchema,
      workDate: z.string(),
      minutes: z.number().int(),
      note: z.string(),
      consultant: z.string(),
    }),
  ),
});

export const flexStatementResponse = z.object({
  companyId: idSchema,
  contract: flexContractSchema,
  from: z.string(),
  to: z.string(),
  openingBalanceMinutes: z.number().int(),
  closingBalanceMinutes: z.number().int(),
  /** Oldest first. */
  lines: z.array(flexStatementLineSchema),
});
export type FlexStatementDto = z.infer<typeof flexStatementResponse>;

export const flexCreditBody = z
  .object({
    /** Hours bought (e.g. 10 or 7.5); or give `minutes`. */
    hours: z.number().positive().max(100_000).optional(),
    minutes: z.number().int().positive().max(6_000_000).optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((b) => (b.hours === undefined) !== (b.minutes === undefined), {
    message: 'Give either hours or minutes',
    path: ['minutes'],
  });

export const flexAdjustmentBody = z.object({
  /** Signed whole minutes: positive adds to the balance, negative takes from it. */
  minutes: z
    .number()
    .int()
    .min(-6_000_000)
    .max(6_000_000)
    .refine((m) => m !== 0, { message: 'Must not be zero' }),
  reason: text(500),
});

export const flexMovementResponse = z.object({ id: z.number().int(), balanceMinutes: z.number().int() });

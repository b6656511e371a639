import { z } from 'zod';
import { text } from './common';

export const contractKindSchema = z.enum(['maintenance', 'flex']);
/** A calendar date, 'YYYY-MM-DD'. */
export const isoDateSchema = z.iso.date();

export const contractSchema = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  kind: contractKindSchema,
  reference: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  /** Flex only: managers are warned when the balance falls below this many minutes. */
  lowBalanceMinutes: z.number().int().nullable(),
  /** Active today (Europe/Zurich). */
  active: z.boolean(),
  createdAt: z.string(),
});

export const contractList = z.object({ items: z.array(contractSchema) });

const lowBalanceMinutes = z.number().int().min(0).max(1_000_000);

export const createContractBody = z.object({
  kind: contractKindSchema,
  reference: text(100),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema.nullish(),
  lowBalanceMinutes: lowBalanceMinutes.nullish(),
});

export const updateContractBody = z.object({
  reference: text(100).optional(),
  startsOn: isoDateSchema.optional(),
  endsOn: isoDateSchema.nullable().optional(),
  lowBalanceMinutes: lowBalanceMinutes.nullable().optional(),
});

import { z } from 'zod';
import { idSchema } from './common';

const isoDate = z.iso.date();

export const billingPeriodBody = z.object({ from: isoDate, to: isoDate });

export const billingCommitBody = billingPeriodBody.extend({
  /** The `entryIds` of the preview: only those are billed. */
  entryIds: z.array(idSchema).min(1).max(20_000),
});

const regieProjectSchema = z.object({
  projectId: idSchema.nullable(),
  projectName: z.string().nullable(),
  minutes: z.number().int(),
});

export const companyBillingSchema = z.object({
  companyId: idSchema,
  companyName: z.string(),
  entries: z.number().int(),
  flexMinutes: z.number().int(),
  regieMinutes: z.number().int(),
  maintenanceMinutes: z.number().int(),
  regieByProject: z.array(regieProjectSchema),
});

const totalsShape = {
  entries: z.number().int(),
  flexMinutes: z.number().int(),
  regieMinutes: z.number().int(),
  maintenanceMinutes: z.number().int(),
};

export const billingPreviewResponse = z.object({
  from: z.string(),
  to: z.string(),
  ...totalsShape,
  entryIds: z.array(idSchema),
  companies: z.array(
    companyBillingSchema.extend({
      flexBalanceMinutes: z.number().int().nullable(),
      resultingBalanceMinutes: z.number().int().nullable(),
      /** Minutes below zero of the Flex balance after the run (0: none); the run is allowed and shows the overdraft. */
      overdraftMinutes: z.number().int(),
      flexContractMissing: z.boolean(),
    }),
  ),
});
export type BillingPreviewDto = z.infer<typeof billingPreviewResponse>;

export const billingRunSchema = z.object({
  id: idSchema,
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.literal('committed'),
  createdAt: z.string(),
  createdBy: idSchema.nullable(),
  createdByName: z.string().nullable(),
  totals: z.object({ ...totalsShape, companies: z.array(companyBillingSchema) }),
});
export type BillingRunDto = z.infer<typeof billingRunSchema>;

export const billingRunListResponse = z.object({ items: z.array(billingRunSchema) });

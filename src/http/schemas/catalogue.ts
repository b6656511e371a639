import { z } from 'zod';
import { idSchema, text } from './common';
import { criticalitySchema } from './tickets';

export const localizedText = (max: number) => z.object({ fr: text(max), de: text(max), en: text(max) });
const localizedOptionalText = (max: number) =>
  z.object({
    fr: z.string().trim().max(max),
    de: z.string().trim().max(max),
    en: z.string().trim().max(max),
  });

export const unavailableReasonSchema = z.enum(['flex_contract_required', 'flex_balance_exhausted']);

export const requestTypeSchema = z.object({
  id: idSchema,
  code: z.string(),
  /** In the caller's language. */
  name: z.string(),
  description: z.string(),
  names: z.object({ fr: z.string(), de: z.string(), en: z.string() }),
  descriptions: z.object({ fr: z.string(), de: z.string(), en: z.string() }),
  requiresFlex: z.boolean(),
  billedToFlex: z.boolean(),
  countsTowardSla: z.boolean(),
  creatableByCustomers: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  createdAt: z.string(),
});
export type RequestTypeDto = z.infer<typeof requestTypeSchema>;

export const requestTypeOfferSchema = requestTypeSchema.extend({
  /** Whether the company may open a ticket of this type now (R3). */
  available: z.boolean(),
  unavailableReason: unavailableReasonSchema.nullable(),
  /** Why not, in the caller's language. */
  unavailableMessage: z.string().nullable(),
});

export const requestTypeListQuery = z.object({
  /** Staff: compute availability for this company. */
  companyId: idSchema.optional(),
  /** Staff: include deactivated types. */
  includeInactive: z.stringbool().optional(),
});

export const requestTypeListResponse = z.object({
  items: z.array(requestTypeOfferSchema),
  flexBalanceMinutes: z.number().int().nullable(),
  /** The company's maintenance contract (R1): running, ended on `endedOn`, or none; null for staff. */
  maintenance: z
    .object({ state: z.enum(['active', 'expired', 'none']), endedOn: z.string().nullable() })
    .nullable(),
});

const requestTypeFields = z.object({
  names: localizedText(100),
  descriptions: localizedOptionalText(2000).default({ fr: '', de: '', en: '' }),
  requiresFlex: z.boolean().default(false),
  billedToFlex: z.boolean().default(false),
  countsTowardSla: z.boolean().default(true),
  creatableByCustomers: z.boolean().default(true),
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
});

export const createRequestTypeBody = requestTypeFields.extend({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'lowercase letters, digits and _, 2 to 40 characters'),
});

export const updateRequestTypeBody = z.object({
  names: localizedText(100).optional(),
  descriptions: localizedOptionalText(2000).optional(),
  requiresFlex: z.boolean().optional(),
  billedToFlex: z.boolean().optional(),
  countsTowardSla: z.boolean().optional(),
  creatableByCustomers: z.boolean().optional(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});

export const criticalityListResponse = z.object({
  items: z.array(
    z.object({
      key: criticalitySchema,
      label: z.string(),
      /** Shown at the choice (R4). */
      definition: z.string(),
    }),
  ),
});

export const projectSchema = z.object({
  id: idSchema,
  companyId: idSchema,
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type ProjectDto = z.infer<typeof projectSchema>;

export const companyParams = z.object({ companyId: idSchema });
export const projectListQuery = z.object({ includeInactive: z.stringbool().optional() });
export const projectListResponse = z.object({ items: z.array(projectSchema) });
export const createProjectBody = z.object({
  name: text(200),
  description: z.string().trim().max(5000).optional(),
  active: z.boolean().optional(),
});
export const updateProjectBody = z.object({
  name: text(200).optional(),
  description: z.string().trim().max(5000).optional(),
  active: z.boolean().optional(),
});

import { z } from 'zod';
import { emailSchema, idSchema, languageSchema, text } from './common';

/** Free text a person may leave empty: '' and null both mean "none". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const accountRequestStatusSchema = z.enum(['pending', 'approved', 'refused']);

export const accountRequestBody = z.object({
  name: text(200),
  email: emailSchema,
  phone: optionalText(50),
  companyName: text(200),
  message: optionalText(5000),
  /** The language of the mails to come; defaults to the language of the page. */
  language: languageSchema.optional(),
});

export const accountRequestsQuery = z.object({
  status: accountRequestStatusSchema.default('pending'),
});

export const accountRequestSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  companyName: z.string(),
  message: z.string().nullable(),
  language: languageSchema,
  status: accountRequestStatusSchema,
  createdAt: z.string(),
  /** The company whose mail domains contain the address's domain, if any. */
  suggestedCompanyId: z.uuid().nullable(),
  /** Set once approved. */
  companyId: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
});

export const accountRequestList = z.object({ items: z.array(accountRequestSchema) });

export const approveAccountRequestBody = z.object({
  companyId: idSchema,
  /** Staff only: make the new user a manager of the company. */
  isManager: z.boolean().optional(),
});

export const approveAccountRequestResponse = z.object({ ok: z.literal(true), userId: z.uuid() });

export const refuseAccountRequestBody = z.object({ reason: optionalText(2000) });

export const passwordSchema = z.string().min(10).max(200);

export const setPasswordBody = z.object({
  token: z.string().min(1).max(200),
  password: passwordSchema,
});

export const passwordTokenQuery = z.object({ token: z.string().min(1).max(200) });

export const passwordTokenStatus = z.object({
  valid: z.boolean(),
  purpose: z.enum(['set_password', 'reset_password']).optional(),
});

export const forgotPasswordBody = z.object({ email: emailSchema });

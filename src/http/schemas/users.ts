import { z } from 'zod';
import { optionalText } from './accounts';
import { emailSchema, idSchema, languageSchema, roleSchema, text } from './common';

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  role: roleSchema,
  companyId: z.uuid().nullable(),
  isManager: z.boolean(),
  language: languageSchema,
  notificationEmail: z.string().nullable(),
  active: z.boolean(),
  /** False until the person has chosen a password through their link. */
  hasPassword: z.boolean(),
  createdAt: z.string(),
  /** The person's data was erased: the account only keeps their place in the tickets' history. */
  erased: z.boolean(),
});

export const userList = z.object({ items: z.array(userSchema) });
export const userPage = z.object({ items: z.array(userSchema), nextCursor: z.string().nullable() });

export const usersQuery = z.object({
  search: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  cursor: z.string().max(1000).optional(),
});

export const createUserBody = z.object({
  email: emailSchema,
  name: text(200),
  phone: optionalText(50),
  role: roleSchema,
  /** Required for a customer, absent for staff. */
  companyId: idSchema.nullish(),
  isManager: z.boolean().optional(),
  language: languageSchema,
});

export const updateUserBody = z.object({
  name: text(200).optional(),
  phone: optionalText(50).optional(),
  role: roleSchema.optional(),
  isManager: z.boolean().optional(),
  /** false signs the person out everywhere and blocks sign-in. */
  active: z.boolean().optional(),
  language: languageSchema.optional(),
  companyId: idSchema.nullable().optional(),
});

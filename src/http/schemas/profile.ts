import { z } from 'zod';
import { optionalText, passwordSchema } from './accounts';
import { emailSchema, languageSchema, roleSchema, text } from './common';

export const profileSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  language: languageSchema,
  /** Where mails go when it differs from the login address. */
  notificationEmail: z.string().nullable(),
  role: roleSchema,
  isManager: z.boolean(),
  company: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

export const updateProfileBody = z.object({
  name: text(200).optional(),
  phone: optionalText(50).optional(),
  language: languageSchema.optional(),
  /** null or '' sends mails to the login address again. */
  notificationEmail: z
    .union([emailSchema, z.literal('')])
    .nullable()
    .optional(),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

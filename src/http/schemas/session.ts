import { z } from 'zod';
import { emailSchema, languageSchema, roleSchema } from './common';

export const loginBody = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const meSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  isManager: z.boolean(),
  companyId: z.uuid().nullable(),
  language: languageSchema,
  /** A customer whose company holds an active Flex contract today. */
  hasFlex: z.boolean(),
});

export const sessionResponse = z.object({
  user: meSchema.nullable(),
  /** The language the server speaks to this caller. */
  language: languageSchema,
  /** Set when the password was right and a second step is due (no session yet). */
  secondFactor: z
    .object({ purpose: z.enum(['verify', 'enrol']), methods: z.array(z.enum(['totp', 'passkey'])) })
    .optional(),
});

export const languageBody = z.object({ language: languageSchema });

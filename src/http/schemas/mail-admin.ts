import { z } from 'zod';

/** Numeric ids of mails and outbox rows. */
export const mailIdParams = z.object({ id: z.coerce.number().int().positive() });
const cursor = z.string().regex(/^\d+$/).optional();

export const storedMailsQuery = z.object({
  recipient: z.string().trim().max(254).optional(),
  cursor,
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const storedMailSummary = z.object({
  id: z.number(),
  messageId: z.string(),
  recipient: z.string(),
  subject: z.string(),
  storedAt: z.string(),
});

export const storedMailsResponse = z.object({
  items: z.array(storedMailSummary),
  nextCursor: z.string().nullable(),
});

export const storedMailResponse = storedMailSummary.extend({
  sender: z.string(),
  text: z.string(),
  html: z.string(),
  headers: z.record(z.string(), z.string()),
});

export const outboxStatusSchema = z.enum(['pending', 'sent', 'failed', 'dropped']);

export const outboxQuery = z.object({
  status: outboxStatusSchema.optional(),
  cursor,
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const outboxItem = z.object({
  id: z.number(),
  template: z.string(),
  recipient: z.string(),
  language: z.enum(['fr', 'de', 'en']),
  ticketId: z.string().nullable(),
  status: outboxStatusSchema,
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  messageId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const outboxResponse = z.object({
  items: z.array(outboxItem),
  nextCursor: z.string().nullable(),
});

/** R9 delays, in calendar days after the ticket starts waiting on the customer. */
export const autoCloseDelays = z.object({
  reminder1Days: z.number().int().min(1).max(365),
  reminder2Days: z.number().int().min(1).max(365),
  closeDays: z.number().int().min(1).max(365),
});

import { z } from 'zod';

export const inboundOutcomeSchema = z.enum([
  'posted',
  'refused_closed',
  'quarantined',
  'ignored_auto',
  'ignored_duplicate',
  'created_ticket',
  'discarded',
]);

export const inboundListQuery = z.object({
  outcome: inboundOutcomeSchema.optional(),
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const inboundMailSummary = z.object({
  id: z.uuid(),
  via: z.enum(['smtp', 'imap', 'webhook']),
  messageId: z.string().nullable(),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  subject: z.string(),
  outcome: inboundOutcomeSchema,
  reason: z.string().nullable(),
  route: z.string().nullable(),
  ticketId: z.uuid().nullable(),
  receivedAt: z.string(),
  deliveries: z.number().int(),
});

export const inboundMailDetail = inboundMailSummary.extend({
  recipients: z.array(z.string()),
  bodyText: z.string(),
  attachmentNames: z.array(z.string()),
  size: z.number().int(),
  sha256: z.string(),
  postedMessageId: z.uuid().nullable(),
  autoAnswered: z.number().int(),
  details: z.record(z.string(), z.unknown()),
  decidedAt: z.string().nullable(),
  /** The source, for an admin to inspect (UTF-8, invalid bytes replaced). */
  source: z.string(),
});

export const inboundListResponse = z.object({ items: z.array(inboundMailSummary) });

export const inboundReleaseBody = z.object({ ticketId: z.uuid() });

export const inboundSettingsSchema = z.object({ autoCreate: z.boolean() });

export const inboundWebhookResponse = z.object({
  id: z.uuid(),
  outcome: inboundOutcomeSchema,
  ticketId: z.uuid().nullable(),
});

import { z } from 'zod';
import { idSchema } from './common';

export const attachmentSchema = z.object({
  id: idSchema,
  ticketId: idSchema,
  messageId: idSchema.nullable(),
  fileName: z.string(),
  /** Decided from the file's content at upload. */
  contentType: z.string(),
  /** Bytes. */
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.object({ id: idSchema, name: z.string() }).nullable(),
  createdAt: z.string(),
  /** Where to download the bytes. */
  downloadUrl: z.string(),
  /** Image attachments only: a small and a screen-sized picture, re-encoded by the server. */
  thumbnailUrl: z.string().nullable(),
  previewUrl: z.string().nullable(),
});
export type AttachmentDto = z.infer<typeof attachmentSchema>;

export const attachmentListResponse = z.object({ items: z.array(attachmentSchema) });

/**
 * The multipart form of an upload, for the API documentation: one or more `file` parts and an
 * optional `messageId` field. The route reads the parts as a stream, so this is not validated.
 */
export const attachmentUploadForm = z.object({
  file: z.array(z.string().meta({ format: 'binary' })).describe('One or more files'),
  messageId: idSchema.optional().describe('The message of this ticket the files belong to'),
});

export const attachmentDownloadResponse = z
  .unknown()
  .describe('The file bytes, with its stored content type');

/** The upload limits of this installation, so forms state them before anyone tries. */
export const attachmentLimitsResponse = z.object({
  maxFileMb: z.number(),
  maxTicketMb: z.number(),
  companyStorage: z
    .object({ usedBytes: z.number().int(), quotaBytes: z.number().int() })
    .nullable()
    .describe('For a customer: the attachment storage their company uses, and its quota'),
});

export const storageQuotaSetting = z.object({
  companyQuotaMb: z
    .number()
    .int()
    .min(1)
    .max(10_000_000)
    .describe('Attachment storage each customer company may use, in megabytes'),
});

export const virusScannerResponse = z.object({
  configured: z.boolean().describe('CLAMAV_SOCKET is set: every attachment is scanned'),
  available: z
    .boolean()
    .describe('false when clamd could not be reached at the last scan (files then pass unscanned)'),
  lastError: z.string().nullable(),
  checkedAt: z.string().nullable(),
});

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
});
export type AttachmentDto = z.infer<typeof attachmentSchema>;

export const attachmentListResponse = z.object({ items: z.array(attachmentSchema) });

export const attachmentDownloadResponse = z
  .unknown()
  .describe('The file bytes, with its stored content type');

import type { FastifyRequest } from 'fastify';
import { type FastifyPluginAsyncZod, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { AppError } from '../../app/errors/index';
import type { IncomingFile } from '../../app/files/attach-files';
import { cleanFileName } from '../../app/files/detect';
import { scannerHealth } from '../../app/files/virus-scan';
import { imagePreview, PREVIEWABLE_TYPES, type PreviewSize } from '../../app/tickets/attachment-preview';
import {
  type AttachmentView,
  addAttachments,
  listAttachments,
  openAttachment,
} from '../../app/tickets/attachments';
import type { Config } from '../../config';
import { requireActor, requireAdmin } from '../plugins/session';
import {
  attachmentDownloadResponse,
  attachmentLimitsResponse,
  attachmentListResponse,
  attachmentUploadForm,
  virusScannerResponse,
} from '../schemas/attachments';
import { errorResponse, errorResponses, idParams, idSchema } from '../schemas/common';

const present = (row: Omit<AttachmentView, 'uploader'> & { uploader?: AttachmentView['uploader'] }) => ({
  id: row.id,
  ticketId: row.ticketId,
  messageId: row.messageId,
  fileName: row.fileName,
  contentType: row.contentType,
  size: row.size,
  sha256: row.sha256,
  uploadedBy: row.uploader ?? null,
  createdAt: row.createdAt.toISOString(),
  downloadUrl: `/api/attachments/${row.id}/download`,
  ...(PREVIEWABLE_TYPES.has(row.contentType)
    ? {
        thumbnailUrl: `/api/attachments/${row.id}/thumbnail`,
        previewUrl: `/api/attachments/${row.id}/preview`,
      }
    : { thumbnailUrl: null, previewUrl: null }),
});

const uploadErrors = { ...errorResponses, 413: errorResponse, 415: errorResponse, 422: errorResponse };

export const attachmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/attachments/limits',
    {
      schema: {
        tags: ['attachments'],
        summary: 'Largest attachment and total per ticket, in megabytes',
        response: { 200: attachmentLimitsResponse, ...errorResponses },
      },
    },
    async (request) => {
      requireActor(request);
      return { maxFileMb: ctx.config.MAX_UPLOAD_MB, maxTicketMb: ctx.config.MAX_TICKET_UPLOAD_MB };
    },
  );

  app.get(
    '/admin/virus-scanner',
    {
      schema: {
        tags: ['attachments'],
        summary: 'Whether attachments are scanned for malware, and whether the scanner answered last time',
        response: { 200: virusScannerResponse, ...errorResponses },
      },
    },
    async (request) => {
      requireAdmin(request);
      const state = scannerHealth(ctx.config.CLAMAV_SOCKET);
      return {
        configured: state.configured,
        available: state.available,
        lastError: state.lastError,
        checkedAt: state.checkedAt?.toISOString() ?? null,
      };
    },
  );

  app.post(
    '/tickets/:id/attachments',
    {
      schema: {
        tags: ['attachments'],
        summary: 'Attach files to a ticket',
        description:
          'multipart/form-data with one or more `file` parts and an optional `messageId` field (a message of ' +
          'this ticket). Types are checked by content; size limits per file and per ticket apply.',
        consumes: ['multipart/form-data'],
        params: idParams,
        body: attachmentUploadForm,
        response: { 201: attachmentListResponse, ...uploadErrors },
      },
      // An announced body larger than the per-ticket total is refused before a byte of it is read.
      onRequest: async (request) => {
        const announced = Number(request.headers['content-length'] ?? 0);
        if (announced > uploadRequestLimit(ctx.config)) {
          throw new AppError('upload_too_large', { maxMb: ctx.config.MAX_TICKET_UPLOAD_MB });
        }
      },
      // The upload is read before any database work: a customer transaction (see tenantScope) is
      // opened only around that work, not for the time the file takes to arrive.
      config: { tenantScope: false },
      // The body is a multipart stream read by the handler; its schema documents it only.
      validatorCompiler: (route) =>
        route.httpPart === 'body'
          ? () => ({ value: undefined })
          : // Fastify hands each part's own schema here; the route-level typing only knows the whole.
            validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0]),
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const form = await readUpload(request, ctx.config);
      const add = () => addAttachments(ctx, actor, { ticketId: request.params.id, ...form });
      const rows =
        actor.role === 'customer' && actor.companyId
          ? await app.tenantScope.asCustomer(actor.companyId, add)
          : await add();
      const uploader = { id: actor.userId, name: actor.name };
      return reply.status(201).send({ items: rows.map((row) => present({ ...row, uploader })) });
    },
  );

  app.get(
    '/tickets/:id/attachments',
    {
      schema: {
        tags: ['attachments'],
        summary: 'The attachments of a ticket',
        params: idParams,
        response: { 200: attachmentListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listAttachments(ctx, requireActor(request), { ticketId: request.params.id });
      return { items: rows.map(present) };
    },
  );

  app.get(
    '/attachments/:id/download',
    {
      schema: {
        tags: ['attachments'],
        summary: 'Download an attachment (always as a download, never rendered inline)',
        params: idParams,
        produces: ['application/octet-stream'],
        response: { 200: attachmentDownloadResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { attachment, bytes } = await openAttachment(ctx, requireActor(request), {
        attachmentId: request.params.id,
      });
      // The bytes are returned, not sent: a customer's answer leaves after their transaction
      // commits (tenant-scope), and a handler returning the reply would wait for its own answer.
      reply
        .header('content-type', attachment.contentType)
        .header('content-length', bytes.length)
        .header('content-disposition', contentDisposition(attachment.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store');
      return bytes;
    },
  );

  for (const size of ['thumbnail', 'preview'] as const satisfies readonly PreviewSize[]) {
    app.get(
      `/attachments/:id/${size}`,
      {
        schema: {
          tags: ['attachments'],
          summary:
            size === 'thumbnail'
              ? 'A small picture of an image attachment, re-encoded as WebP'
              : 'A screen-sized picture of an image attachment, re-encoded as WebP',
          params: idParams,
          produces: ['image/webp'],
          response: { 200: attachmentDownloadResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const picture = await imagePreview(ctx, requireActor(request), {
          attachmentId: request.params.id,
          size,
        });
        reply
          .header('content-type', 'image/webp')
          .header('content-length', picture.bytes.length)
          .header(
            'content-disposition',
            contentDisposition(picture.fileName).replace(/^attachment/, 'inline'),
          )
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cross-origin-resource-policy', 'same-origin')
          .header('cache-control', 'private, max-age=3600');
        return picture.bytes;
      },
    );
  }
};

/** Reads the multipart form: every file part, and the optional messageId field. */
async function readUpload(
  request: FastifyRequest,
  config: Config,
): Promise<{ files: IncomingFile[]; messageId?: string }> {
  const files: IncomingFile[] = [];
  let messageId: string | undefined;
  let total = 0;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const fileName = cleanFileName(part.filename ?? '');
      try {
        const bytes = await part.toBuffer();
        // Stop reading as soon as the files together cannot fit on a ticket.
        total += bytes.length;
        if (total > config.MAX_TICKET_UPLOAD_MB * 1024 * 1024) {
          throw new AppError('ticket_attachments_full', {
            file: fileName,
            maxMb: config.MAX_TICKET_UPLOAD_MB,
          });
        }
        files.push({ fileName, bytes });
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('attachment_too_large', { file: fileName, maxMb: config.MAX_UPLOAD_MB });
        }
        throw error;
      }
    } else if (part.fieldname === 'messageId' && typeof part.value === 'string' && part.value !== '') {
      const parsed = idSchema.safeParse(part.value);
      if (!parsed.success) throw new AppError('validation_failed');
      messageId = parsed.data;
    }
  }
  return { files, ...(messageId ? { messageId } : {}) };
}

/** The largest upload request: every file of a full ticket, plus room for the multipart framing. */
function uploadRequestLimit(config: Config): number {
  return config.MAX_TICKET_UPLOAD_MB * 1024 * 1024 + 1024 * 1024;
}

/** RFC 6266 / 5987: an ASCII fallback name and the exact UTF-8 name. */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

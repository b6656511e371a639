import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FastifyPluginAsyncZod, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { AppError } from '../../app/errors/index';
import type { IncomingFile } from '../../app/files/attach-files';
import { getScannerHealth } from '../../app/files/scanner-status';
import {
  getStorageQuota,
  saveStorageQuota,
  companyStorage as storageOf,
} from '../../app/files/storage-quota';
import { hasPreview, imagePreview, type PreviewSize } from '../../app/tickets/attachment-preview';
import {
  type AttachmentView,
  addAttachments,
  listAttachments,
  openAttachment,
} from '../../app/tickets/attachments';
import type { Config } from '../../config';
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import {
  attachmentDownloadResponse,
  attachmentLimitsResponse,
  attachmentListResponse,
  attachmentUploadForm,
  storageQuotaSetting,
  virusScannerResponse,
} from '../schemas/attachments';
import { errorResponse, errorResponses, idParams, idSchema } from '../schemas/common';
import { receiveMultipart, refuseAnnouncedOversize } from '../uploads';

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
  ...(hasPreview(row)
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
      const actor = requireActor(request);
      const companyStorage =
        actor.role === 'customer' && actor.companyId ? await storageOf(ctx.db, actor.companyId) : null;
      return {
        maxFileMb: ctx.config.MAX_UPLOAD_MB,
        maxTicketMb: ctx.config.MAX_TICKET_UPLOAD_MB,
        companyStorage,
      };
    },
  );

  app.get(
    '/admin/settings/storage-quota',
    {
      schema: {
        tags: ['settings'],
        summary: 'Attachment storage each customer company may use',
        response: { 200: storageQuotaSetting, ...errorResponses },
      },
    },
    async (request) => getStorageQuota(ctx, requireActor(request)),
  );

  app.put(
    '/admin/settings/storage-quota',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change the attachment storage each customer company may use (files already kept stay)',
        body: storageQuotaSetting,
        response: { 200: storageQuotaSetting, ...errorResponses },
      },
    },
    async (request) => saveStorageQuota(ctx, requireActor(request), request.body),
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
      const state = getScannerHealth(ctx, requireActor(request));
      return {
        configured: state.configured,
        available: state.available,
        lastError: state.lastError,
        checkedAt: iso(state.checkedAt),
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
      onRequest: refuseAnnouncedOversize(ctx.config),
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
      const form = await readUpload(request, reply, ctx.config);
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
      const { attachment, content } = await openAttachment(ctx, requireActor(request), {
        attachmentId: request.params.id,
      });
      // The file is returned as a stream, not sent: a customer's answer leaves after their
      // transaction commits (tenant-scope), and a handler returning the reply would wait for its
      // own answer. It is read from the store as it goes out, never whole in memory.
      reply
        .header('content-type', attachment.contentType)
        .header('content-length', attachment.size)
        .header('content-disposition', contentDisposition(attachment.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store');
      return content;
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

/** Reads the multipart form (files streamed to temporary files) and its optional messageId field. */
async function readUpload(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
): Promise<{ files: IncomingFile[]; messageId?: string }> {
  const { fields, files } = await receiveMultipart(request, reply, config);
  if (fields.messageId === undefined) return { files };
  const parsed = idSchema.safeParse(fields.messageId);
  if (!parsed.success) throw new AppError('validation_failed');
  return { files, messageId: parsed.data };
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

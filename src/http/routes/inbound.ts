import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { AppError } from '../../app/errors/index';
import {
  discardInboundMail,
  getInboundMail,
  type InboundMailRow,
  listInboundMails,
  releaseInboundMail,
} from '../../app/inbound/admin';
import { getInboundSettings, updateInboundSettings } from '../../app/inbound/settings';
import { attachmentsOf, ingestMail, MAX_INBOUND_BYTES } from '../../mail/inbound/ingest';
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import { emptyBody, errorResponses, idParams } from '../schemas/common';
import {
  inboundListQuery,
  inboundListResponse,
  inboundMailDetail,
  inboundReleaseBody,
  inboundSettingsSchema,
  inboundWebhookResponse,
} from '../schemas/inbound';

const summary = (row: InboundMailRow) => ({
  id: row.id,
  via: row.via,
  messageId: row.messageId,
  fromAddress: row.fromAddress,
  fromName: row.fromName,
  subject: row.subject,
  outcome: row.outcome,
  reason: row.reason,
  route: row.route,
  ticketId: row.ticketId,
  receivedAt: row.receivedAt.toISOString(),
  deliveries: row.deliveries,
});

const detail = (row: InboundMailRow) => ({
  ...summary(row),
  recipients: row.recipients,
  bodyText: row.bodyText,
  attachmentNames: row.attachmentNames,
  size: row.size,
  sha256: row.sha256,
  postedMessageId: row.postedMessageId,
  autoAnswered: row.autoAnswered,
  details: row.details,
  decidedAt: iso(row.decidedAt),
  source: row.raw.toString('utf8'),
});

/** Inbound mail: the raw-MIME webhook for mail services, and the admins' view of received mail. */
export const inboundRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Raw mail bodies, for the webhook only: registered in this plugin, so other routes keep theirs.
  app.addContentTypeParser(
    ['message/rfc822', 'text/plain'],
    { parseAs: 'buffer', bodyLimit: MAX_INBOUND_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/inbound/mail',
    {
      config: { csrf: false },
      bodyLimit: MAX_INBOUND_BYTES,
      // Before a byte of the body is read: a stranger, or an announced size over the limit, is
      // refused at once instead of after up to 30 MB were received.
      onRequest: async (request) => {
        const expected = ctx.config.INBOUND_WEBHOOK_TOKEN;
        if (!expected) throw new AppError('not_found');
        if (!bearerMatches(request.headers.authorization, expected)) throw new AppError('not_authenticated');
        if (Number(request.headers['content-length'] ?? 0) > MAX_INBOUND_BYTES)
          throw new AppError('payload_too_large');
      },
      schema: {
        tags: ['inbound'],
        summary: 'Receive one mail as raw MIME (message/rfc822), authenticated by a bearer token',
        consumes: ['message/rfc822', 'text/plain'],
        body: z.unknown().describe('the raw mail, as received (RFC 5322)'),
        response: { 200: inboundWebhookResponse, ...errorResponses },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0)
        throw new AppError('inbound_mail_unreadable');
      const result = await ingestMail(ctx, request.body, { via: 'webhook' });
      return { id: result.id, outcome: result.outcome, ticketId: result.ticketId };
    },
  );

  app.get(
    '/admin/inbound',
    {
      schema: {
        tags: ['inbound'],
        summary: 'Received mails, newest first (e.g. ?outcome=quarantined)',
        querystring: inboundListQuery,
        response: { 200: inboundListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { outcome, before, limit } = request.query;
      const rows = await listInboundMails(ctx, actor, {
        ...(outcome ? { outcome } : {}),
        ...(before ? { before: new Date(before) } : {}),
        limit,
      });
      return { items: rows.map(summary) };
    },
  );

  app.get(
    '/admin/inbound/:id',
    {
      schema: {
        tags: ['inbound'],
        summary: 'One received mail, with its source and what was done with it',
        params: idParams,
        response: { 200: inboundMailDetail, ...errorResponses },
      },
    },
    async (request) => detail(await getInboundMail(ctx, requireActor(request), request.params.id)),
  );

  app.post(
    '/admin/inbound/:id/release',
    {
      schema: {
        tags: ['inbound'],
        summary: 'Post a quarantined mail to the ticket the admin chooses',
        params: idParams,
        body: inboundReleaseBody,
        response: { 200: inboundMailDetail, ...errorResponses },
      },
    },
    async (request) =>
      detail(
        await releaseInboundMail(
          ctx,
          requireActor(request),
          { id: request.params.id, ticketId: request.body.ticketId },
          attachmentsOf,
        ),
      ),
  );

  app.post(
    '/admin/inbound/:id/discard',
    {
      schema: {
        tags: ['inbound'],
        summary: 'Discard a quarantined mail',
        params: idParams,
        body: emptyBody,
        response: { 200: inboundMailDetail, ...errorResponses },
      },
    },
    async (request) => detail(await discardInboundMail(ctx, requireActor(request), request.params.id)),
  );

  app.get(
    '/admin/settings/inbound',
    {
      schema: {
        tags: ['inbound'],
        summary: 'Inbound mail settings',
        response: { 200: inboundSettingsSchema, ...errorResponses },
      },
    },
    async (request) => getInboundSettings(ctx, requireActor(request)),
  );

  app.put(
    '/admin/settings/inbound',
    {
      schema: {
        tags: ['inbound'],
        summary: 'Change the inbound mail settings',
        body: inboundSettingsSchema,
        response: { 200: inboundSettingsSchema, ...errorResponses },
      },
    },
    async (request) => updateInboundSettings(ctx, requireActor(request), request.body),
  );
};

function bearerMatches(header: string | undefined, expected: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].trim());
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { listOutbox, retryOutboxMail } from '../../app/mail-admin/outbox-admin';
import { getStoredMail, listStoredMails } from '../../app/mail-admin/stored-mails';
// The timers module also registers the R9 hook on ticket changes, wherever the API runs.
import { getAutoCloseDelays, saveAutoCloseDelays } from '../../app/timers/index';
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import { emptyBody, errorResponses } from '../schemas/common';
import {
  autoCloseDelays,
  mailIdParams,
  outboxItem,
  outboxQuery,
  outboxResponse,
  storedMailResponse,
  storedMailsQuery,
  storedMailsResponse,
} from '../schemas/mail-admin';

type OutboxRow = Awaited<ReturnType<typeof listOutbox>>['items'][number];
const presentOutbox = (row: OutboxRow) => ({
  id: row.id,
  template: row.template,
  recipient: row.recipient,
  language: row.language,
  ticketId: row.ticketId,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.nextAttemptAt.toISOString(),
  lastError: row.lastError,
  messageId: row.messageId,
  createdAt: row.createdAt.toISOString(),
  sentAt: iso(row.sentAt),
});

/** The mail viewer and the outbox, for administrators. */
export const mailAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/admin/mails',
    {
      schema: {
        tags: ['mail'],
        summary: 'Mails kept by the mail store (no SMTP server configured), newest first',
        querystring: storedMailsQuery,
        response: { 200: storedMailsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { recipient, cursor, limit } = request.query;
      const page = await listStoredMails(ctx, requireActor(request), {
        ...(recipient ? { recipient } : {}),
        ...(cursor ? { cursor: Number(cursor) } : {}),
        ...(limit ? { limit } : {}),
      });
      return {
        items: page.items.map((m) => ({ ...m, storedAt: m.storedAt.toISOString() })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/admin/mails/:id',
    {
      schema: {
        tags: ['mail'],
        summary: 'One stored mail with its headers and both bodies',
        params: mailIdParams,
        response: { 200: storedMailResponse, ...errorResponses },
      },
    },
    async (request) => {
      const mail = await getStoredMail(ctx, requireActor(request), request.params.id);
      return {
        id: mail.id,
        messageId: mail.messageId,
        sender: mail.sender,
        recipient: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        storedAt: mail.storedAt.toISOString(),
      };
    },
  );

  app.get(
    '/admin/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'Outgoing mails by state, with attempts and last error',
        querystring: outboxQuery,
        response: { 200: outboxResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { status, cursor, limit } = request.query;
      const page = await listOutbox(ctx, requireActor(request), {
        ...(status ? { status } : {}),
        ...(cursor ? { cursor: Number(cursor) } : {}),
        ...(limit ? { limit } : {}),
      });
      return { items: page.items.map(presentOutbox), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/admin/outbox/:id/retry',
    {
      schema: {
        tags: ['mail'],
        summary: 'Send a failed or dropped mail again',
        params: mailIdParams,
        body: emptyBody,
        response: { 200: outboxItem, ...errorResponses },
      },
    },
    async (request) => presentOutbox(await retryOutboxMail(ctx, requireActor(request), request.params.id)),
  );

  app.get(
    '/admin/settings/auto-close',
    {
      schema: {
        tags: ['settings'],
        summary: 'R9 delays: reminders and automatic closing, in calendar days of waiting on the customer',
        response: { 200: autoCloseDelays, ...errorResponses },
      },
    },
    async (request) => getAutoCloseDelays(ctx, requireActor(request)),
  );

  app.put(
    '/admin/settings/auto-close',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change the R9 delays (for waits that start from now on)',
        body: autoCloseDelays,
        response: { 200: autoCloseDelays, ...errorResponses },
      },
    },
    async (request) => saveAutoCloseDelays(ctx, requireActor(request), request.body),
  );
};

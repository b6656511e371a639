import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { listNotifications, markNotificationsRead } from '../../app/notifications/staff-notifications';
import { requireActor } from '../plugins/session';
import { errorResponses, okResponse } from '../schemas/common';
import { markReadBody, notificationListResponse } from '../schemas/notifications';

/** Staff notices (the bell): latest first, with the unread count; marking them read. */
export const notificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['notifications'];
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'My notices, newest first',
        response: { 200: notificationListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { items, unread } = await listNotifications(ctx, requireActor(request));
      return {
        unread,
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          ticket: { id: n.ticketId, key: n.ticketKey, subject: n.ticketSubject },
          actorName: n.actorName,
          excerpt: n.excerpt,
          sla: n.sla,
          createdAt: n.createdAt.toISOString(),
          read: n.readAt !== null,
        })),
      };
    },
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark some of my notices read (all when no ids are given)',
        body: markReadBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await markNotificationsRead(ctx, requireActor(request), request.body.ids);
      return { ok: true as const };
    },
  );
};

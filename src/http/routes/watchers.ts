import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { unwatchTicket, watchTicket } from '../../app/tickets/watchers';
import { requireActor } from '../plugins/session';
import { emptyBody, errorResponses, idParams } from '../schemas/common';
import { watchResponse } from '../schemas/tickets';

/** A colleague of the ticket's company follows it (its public mails), or stops. */
export const watcherRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['tickets'];
  app.put(
    '/tickets/:id/watch',
    {
      schema: {
        tags,
        summary: 'Follow a ticket of my company: its public mails reach me too',
        params: idParams,
        body: emptyBody,
        response: { 200: watchResponse, ...errorResponses },
      },
    },
    async (request) => {
      await watchTicket(ctx, requireActor(request), request.params.id);
      return { watching: true };
    },
  );

  app.delete(
    '/tickets/:id/watch',
    {
      schema: {
        tags,
        summary: 'Stop following a ticket',
        params: idParams,
        response: { 200: watchResponse, ...errorResponses },
      },
    },
    async (request) => {
      await unwatchTicket(ctx, requireActor(request), request.params.id);
      return { watching: false };
    },
  );
};

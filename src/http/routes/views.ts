import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { deleteView, listSavedViews, type SavedViewRow, saveView } from '../../app/views/saved-views';
import { requireActor } from '../plugins/session';
import { errorResponses, okResponse } from '../schemas/common';
import { savedViewList, savedViewSchema, saveViewBody, viewParams } from '../schemas/views';

const present = (view: SavedViewRow) => ({
  id: view.id,
  name: view.name,
  filters: view.filters as Record<string, string | string[]>,
  createdAt: view.createdAt.toISOString(),
});

/** Saved queue views, each person their own. */
export const viewRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/views',
    {
      schema: {
        tags: ['views'],
        summary: 'My saved queue views',
        response: { 200: savedViewList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: (await listSavedViews(ctx, actor)).map(present) };
    },
  );

  app.post(
    '/views',
    {
      schema: {
        tags: ['views'],
        summary: 'Save a queue view (a view of the same name is replaced)',
        body: saveViewBody,
        response: { 201: savedViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const view = await saveView(ctx, actor, request.body);
      return reply.status(201).send(present(view));
    },
  );

  app.delete(
    '/views/:id',
    {
      schema: {
        tags: ['views'],
        summary: 'Delete one of my saved views',
        params: viewParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await deleteView(ctx, actor, request.params.id);
      return { ok: true as const };
    },
  );
};

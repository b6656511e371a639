import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { previewQualification } from '../../app/console/qualification-preview';
import type { AppContext } from '../../app/context';
import { requireActor } from '../plugins/session';
import { errorResponses, idParams } from '../schemas/common';
import { qualificationPreviewBody, qualificationPreviewResponse } from '../schemas/console';

/** Staff console helpers. */
export const consoleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/tickets/:id/qualification-preview',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Preview the mail the customer receives if the criticality is lowered (R5); changes nothing',
        params: idParams,
        body: qualificationPreviewBody,
        response: { 200: qualificationPreviewResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return previewQualification(ctx, actor, request.params.id, request.body);
    },
  );
};

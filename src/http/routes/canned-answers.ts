import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type CannedAnswerRow,
  createCannedAnswer,
  deleteCannedAnswer,
  listCannedAnswers,
  updateCannedAnswer,
} from '../../app/canned-answers/canned-answers';
import { fillCannedAnswer } from '../../app/canned-answers/fill-canned-answer';
import type { Actor, AppContext } from '../../app/context';
import { policy } from '../../app/policy';
import { unknownVariables } from '../../domain/canned-answers/variables';
import { requireActor } from '../plugins/session';
import {
  cannedAnswerBody,
  cannedAnswerList,
  cannedAnswerSchema,
  cannedAnswerUpdateBody,
  filledCannedAnswerParams,
  filledCannedAnswerResponse,
} from '../schemas/canned-answers';
import { errorResponses, idParams, okResponse } from '../schemas/common';

const tags = ['canned answers'];

const present = (row: CannedAnswerRow, actor: Actor) => ({
  id: row.id,
  title: row.title,
  texts: { fr: row.bodyFr, de: row.bodyDe, en: row.bodyEn },
  statusAfter: row.statusAfter,
  shared: row.ownerId === null,
  canEdit: policy.editCannedAnswer(actor, row),
  unknownVariables: unknownVariables([row.bodyFr, row.bodyDe, row.bodyEn].join('\n')),
});

/** Canned answers: shared ones kept by admins, personal ones by each staff member. */
export const cannedAnswerRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/canned-answers',
    {
      schema: {
        tags,
        summary: 'The shared canned answers and my own',
        response: { 200: cannedAnswerList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: (await listCannedAnswers(ctx, actor)).map((row) => present(row, actor)) };
    },
  );

  app.post(
    '/canned-answers',
    {
      schema: {
        tags,
        summary: 'Create a canned answer (shared: admins only)',
        body: cannedAnswerBody,
        response: { 201: cannedAnswerSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await createCannedAnswer(ctx, actor, request.body);
      return reply.status(201).send(present(row, actor));
    },
  );

  app.put(
    '/canned-answers/:id',
    {
      schema: {
        tags,
        summary: 'Change a canned answer (shared: admins; personal: its owner)',
        params: idParams,
        body: cannedAnswerUpdateBody,
        response: { 200: cannedAnswerSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return present(await updateCannedAnswer(ctx, actor, request.params.id, request.body), actor);
    },
  );

  app.delete(
    '/canned-answers/:id',
    {
      schema: {
        tags,
        summary: 'Delete a canned answer (shared: admins; personal: its owner)',
        params: idParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await deleteCannedAnswer(ctx, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/tickets/:id/canned-answers/:answerId',
    {
      schema: {
        tags,
        summary: "A canned answer for this ticket: in its customer's language, variables filled",
        params: filledCannedAnswerParams,
        response: { 200: filledCannedAnswerResponse, ...errorResponses },
      },
    },
    async (request) =>
      fillCannedAnswer(ctx, requireActor(request), {
        ticketId: request.params.id,
        answerId: request.params.answerId,
      }),
  );
};

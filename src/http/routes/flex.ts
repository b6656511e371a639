import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { getFlexOverview } from '../../app/flex/get-flex-overview';
import { getFlexStatement } from '../../app/flex/get-flex-statement';
import { adjustFlex, creditFlex } from '../../app/flex/record-movement';
import { minutesOfHours } from '../../domain/flex/index';
import { requireActor } from '../plugins/session';
import { errorResponses, idParams } from '../schemas/common';
import {
  flexAdjustmentBody,
  flexCreditBody,
  flexMovementResponse,
  flexOverviewResponse,
  flexQuery,
  flexStatementQuery,
  flexStatementResponse,
} from '../schemas/flex';

const presentMovement = <M extends { createdAt: Date }>(m: M) => ({
  ...m,
  createdAt: m.createdAt.toISOString(),
});

export const flexRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/flex',
    {
      schema: {
        tags: ['flex'],
        summary: 'Flex balance, movements and monthly consumption (customers: their company)',
        querystring: flexQuery,
        response: { 200: flexOverviewResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const overview = await getFlexOverview(ctx, actor, { companyId: request.query.companyId });
      return { ...overview, movements: overview.movements.map(presentMovement) };
    },
  );

  app.get(
    '/flex/statement',
    {
      schema: {
        tags: ['flex'],
        summary: 'Managers and staff: the Flex statement of a period, with the time behind each debit',
        querystring: flexStatementQuery,
        response: { 200: flexStatementResponse, ...errorResponses },
      },
    },
    async (request) => {
      const statement = await getFlexStatement(ctx, requireActor(request), request.query);
      return { ...statement, lines: statement.lines.map(presentMovement) };
    },
  );

  app.post(
    '/companies/:id/flex/credits',
    {
      schema: {
        tags: ['flex'],
        summary: 'Admin: credit hours bought to the company’s Flex contract',
        params: idParams,
        body: flexCreditBody,
        response: { 201: flexMovementResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { hours, reason } = request.body;
      const result = await creditFlex(ctx, requireActor(request), {
        companyId: request.params.id,
        minutes: hours === undefined ? request.body.minutes : minutesOfHours(hours),
        reason: reason ?? null,
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/companies/:id/flex/adjustments',
    {
      schema: {
        tags: ['flex'],
        summary: 'Admin: correct the Flex balance by a signed number of minutes, with a reason',
        params: idParams,
        body: flexAdjustmentBody,
        response: { 201: flexMovementResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await adjustFlex(ctx, requireActor(request), {
        companyId: request.params.id,
        ...request.body,
      });
      return reply.status(201).send(result);
    },
  );
};

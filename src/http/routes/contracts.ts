import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type ContractRow,
  createContract,
  isContractActive,
  listContracts,
  updateContract,
} from '../../app/admin/contracts';
import type { AppContext } from '../../app/context';
import { zurichDateOf } from '../../domain/calendar/index';
import { requireActor } from '../plugins/session';
import { errorResponses, idParams } from '../schemas/common';
import { contractList, contractSchema, createContractBody, updateContractBody } from '../schemas/contracts';

export const presentContract = (c: ContractRow, today: string) => ({
  id: c.id,
  companyId: c.companyId,
  kind: c.kind,
  reference: c.reference,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  lowBalanceMinutes: c.lowBalanceMinutes,
  active: isContractActive(c, today),
  createdAt: c.createdAt.toISOString(),
});

/** Maintenance and Flex contracts of a company: staff read, administrators write. */
export const contractRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const today = () => zurichDateOf(ctx.clock.now());

  app.get(
    '/companies/:id/contracts',
    {
      schema: {
        tags: ['administration'],
        summary: 'Contracts of a company',
        params: idParams,
        response: { 200: contractList, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listContracts(ctx, requireActor(request), request.params.id);
      return { items: rows.map((c) => presentContract(c, today())) };
    },
  );

  app.post(
    '/companies/:id/contracts',
    {
      schema: {
        tags: ['administration'],
        summary: 'Add a contract to a company (administrators)',
        params: idParams,
        body: createContractBody,
        response: { 201: contractSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const row = await createContract(ctx, requireActor(request), {
        companyId: request.params.id,
        ...request.body,
      });
      return reply.status(201).send(presentContract(row, today()));
    },
  );

  app.patch(
    '/contracts/:id',
    {
      schema: {
        tags: ['administration'],
        summary: 'Edit a contract (administrators)',
        params: idParams,
        body: updateContractBody,
        response: { 200: contractSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await updateContract(ctx, requireActor(request), {
        contractId: request.params.id,
        ...request.body,
      });
      return presentContract(row, today());
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type CompanySummary,
  createCompany,
  getCompany,
  listCompanies,
  listCompanyUsers,
  updateCompany,
} from '../../app/admin/companies';
import type { AppContext } from '../../app/context';
import { zurichDateOf } from '../../domain/calendar/index';
import { requireActor } from '../plugins/session';
import { errorResponses, idParams } from '../schemas/common';
import {
  companiesQuery,
  companyDetailSchema,
  companyPage,
  companySummarySchema,
  createCompanyBody,
  updateCompanyBody,
} from '../schemas/companies';
import { userList } from '../schemas/users';
import { presentContract } from './contracts';
import { presentUser } from './users';

const presentCompany = (c: CompanySummary) => ({
  id: c.id,
  name: c.name,
  mailDomains: c.mailDomains,
  maintenanceActive: c.maintenanceActive,
  flexActive: c.flexActive,
  userCount: c.userCount,
  createdAt: c.createdAt.toISOString(),
});

/** Customer companies: staff read them, administrators create and edit them. */
export const companyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/companies',
    {
      schema: {
        tags: ['administration'],
        summary: 'Companies by name, 50 a page (search by name or mail domain)',
        querystring: companiesQuery,
        response: { 200: companyPage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listCompanies(ctx, requireActor(request), request.query);
      return { items: page.items.map(presentCompany), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/companies',
    {
      schema: {
        tags: ['administration'],
        summary: 'Create a company (administrators)',
        body: createCompanyBody,
        response: { 201: companySummarySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const company = await createCompany(ctx, requireActor(request), request.body);
      return reply.status(201).send(presentCompany(company));
    },
  );

  app.get(
    '/companies/:id',
    {
      schema: {
        tags: ['administration'],
        summary: 'A company with its contracts and users',
        params: idParams,
        response: { 200: companyDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const company = await getCompany(ctx, requireActor(request), request.params.id);
      const today = zurichDateOf(ctx.clock.now());
      return {
        ...presentCompany(company),
        contracts: company.contracts.map((c) => presentContract(c, today)),
        users: company.users.map(presentUser),
      };
    },
  );

  app.patch(
    '/companies/:id',
    {
      schema: {
        tags: ['administration'],
        summary: 'Rename a company or change its mail domains (administrators)',
        params: idParams,
        body: updateCompanyBody,
        response: { 200: companySummarySchema, ...errorResponses },
      },
    },
    async (request) =>
      presentCompany(
        await updateCompany(ctx, requireActor(request), { companyId: request.params.id, ...request.body }),
      ),
  );

  app.get(
    '/companies/:id/users',
    {
      schema: {
        tags: ['administration'],
        summary: 'Users of a company',
        params: idParams,
        response: { 200: userList, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listCompanyUsers(ctx, requireActor(request), request.params.id);
      return { items: rows.map(presentUser) };
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RequestTypeOffer } from '../../app/catalogue/list-request-types-for';
import { listRequestTypesFor } from '../../app/catalogue/list-request-types-for';
import { createProject, listProjects, type Project, updateProject } from '../../app/catalogue/projects';
import { type RequestType, requestTypeDescription, requestTypeName } from '../../app/catalogue/request-types';
import { createRequestType, updateRequestType } from '../../app/catalogue/save-request-type';
import type { AppContext } from '../../app/context';
import { errorCatalogue } from '../../app/errors/index';
import { CRITICALITIES } from '../../domain/tickets/criticality';
import { formatDuration } from '../../i18n/format';
import { interpolate, type Language } from '../../i18n/language';
import { criticalityDefinitions, criticalityLabels } from '../../i18n/ticket-labels';
import { requireActor } from '../plugins/session';
import {
  companyParams,
  createProjectBody,
  createRequestTypeBody,
  criticalityListResponse,
  projectListQuery,
  projectListResponse,
  projectSchema,
  requestTypeListQuery,
  requestTypeListResponse,
  requestTypeSchema,
  updateProjectBody,
  updateRequestTypeBody,
} from '../schemas/catalogue';
import { errorResponses, idParams } from '../schemas/common';

const presentType = (type: RequestType, language: Language) => ({
  id: type.id,
  code: type.code,
  name: requestTypeName(type, language),
  description: requestTypeDescription(type, language),
  names: { fr: type.nameFr, de: type.nameDe, en: type.nameEn },
  descriptions: { fr: type.descriptionFr, de: type.descriptionDe, en: type.descriptionEn },
  requiresFlex: type.requiresFlex,
  billedToFlex: type.billedToFlex,
  countsTowardSla: type.countsTowardSla,
  creatableByCustomers: type.creatableByCustomers,
  active: type.active,
  sortOrder: type.sortOrder,
  createdAt: type.createdAt.toISOString(),
});

const presentOffer = (
  { type, availability }: RequestTypeOffer,
  flexBalanceMinutes: number | null,
  language: Language,
) => {
  const reason = availability.unavailableReason;
  return {
    ...presentType(type, language),
    available: availability.available,
    unavailableReason: reason,
    unavailableMessage: reason
      ? interpolate(errorCatalogue[reason].message[language], {
          type: requestTypeName(type, language),
          balance: formatDuration(flexBalanceMinutes ?? 0, language),
        })
      : null,
  };
};

const presentProject = (project: Project) => ({
  id: project.id,
  companyId: project.companyId,
  name: project.name,
  description: project.description,
  active: project.active,
  createdAt: project.createdAt.toISOString(),
});

export const catalogueRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/request-types',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Request types offered to the caller, with availability for their company (R3)',
        querystring: requestTypeListQuery,
        response: { 200: requestTypeListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const catalogue = await listRequestTypesFor(ctx, requireActor(request), request.query);
      return {
        items: catalogue.items.map((offer) =>
          presentOffer(offer, catalogue.flexBalanceMinutes, request.language),
        ),
        flexBalanceMinutes: catalogue.flexBalanceMinutes,
        maintenance: catalogue.maintenance,
      };
    },
  );

  app.post(
    '/request-types',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Add a request type (admin)',
        body: createRequestTypeBody,
        response: { 201: requestTypeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const type = await createRequestType(ctx, requireActor(request), request.body);
      return reply.status(201).send(presentType(type, request.language));
    },
  );

  app.patch(
    '/request-types/:id',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Edit or deactivate a request type (admin)',
        params: idParams,
        body: updateRequestTypeBody,
        response: { 200: requestTypeSchema, ...errorResponses },
      },
    },
    async (request) => {
      const type = await updateRequestType(ctx, requireActor(request), {
        id: request.params.id,
        ...request.body,
      });
      return presentType(type, request.language);
    },
  );

  app.get(
    '/criticalities',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'The four criticality levels with their definitions, in the caller’s language (R4)',
        response: { 200: criticalityListResponse, ...errorResponses },
      },
    },
    async (request) => {
      requireActor(request);
      const language = request.language;
      return {
        items: CRITICALITIES.map((key) => ({
          key,
          label: criticalityLabels[key][language],
          definition: criticalityDefinitions[key][language],
        })),
      };
    },
  );

  app.get(
    '/companies/:companyId/projects',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'A company’s projects (customers: their own company only)',
        params: companyParams,
        querystring: projectListQuery,
        response: { 200: projectListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const items = await listProjects(ctx, requireActor(request), {
        companyId: request.params.companyId,
        ...request.query,
      });
      return { items: items.map(presentProject) };
    },
  );

  app.post(
    '/companies/:companyId/projects',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Add a project to a company (staff)',
        params: companyParams,
        body: createProjectBody,
        response: { 201: projectSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const project = await createProject(ctx, requireActor(request), {
        companyId: request.params.companyId,
        ...request.body,
      });
      return reply.status(201).send(presentProject(project));
    },
  );

  app.patch(
    '/projects/:id',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Edit or deactivate a project (staff)',
        params: idParams,
        body: updateProjectBody,
        response: { 200: projectSchema, ...errorResponses },
      },
    },
    async (request) => {
      const project = await updateProject(ctx, requireActor(request), {
        id: request.params.id,
        ...request.body,
      });
      return presentProject(project);
    },
  );
};

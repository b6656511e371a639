import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { erasePerson } from '../../app/personal-data/erase-person';
import { type ExportSubject, exportPersonalData } from '../../app/personal-data/export-personal-data';
import { readRetentionSettings, saveRetentionSettings } from '../../app/personal-data/retention';
import { requireActor } from '../plugins/session';
import { errorResponses, idParams } from '../schemas/common';
import { erasureBody, erasureOutcome, retentionSettings } from '../schemas/personal-data';

const archive = z.any().describe('tar.gz: JSON files, attachments and a README of the format');

/** Personal data (GDPR): export of a company or a person, erasure of a person, ticket retention. */
export const personalDataRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const sendArchive = async (
    subject: ExportSubject,
    request: Parameters<typeof requireActor>[0],
    reply: { type(t: string): unknown; header(k: string, v: string): unknown },
  ) => {
    const result = await exportPersonalData(ctx, requireActor(request), subject);
    reply.type('application/gzip');
    reply.header('content-disposition', `attachment; filename="${result.fileName}"`);
    return result.content;
  };

  app.get(
    '/companies/:id/personal-data',
    {
      schema: {
        tags: ['personal data'],
        summary:
          "Everything held about a company and its people, as one archive (admins; the company's managers)",
        params: idParams,
        produces: ['application/gzip'],
        response: { 200: archive, ...errorResponses },
      },
    },
    async (request, reply) => sendArchive({ kind: 'company', companyId: request.params.id }, request, reply),
  );

  app.get(
    '/users/:id/personal-data',
    {
      schema: {
        tags: ['personal data'],
        summary: "Everything held about one person, as one archive (admins; the person's company managers)",
        params: idParams,
        produces: ['application/gzip'],
        response: { 200: archive, ...errorResponses },
      },
    },
    async (request, reply) => sendArchive({ kind: 'person', userId: request.params.id }, request, reply),
  );

  app.post(
    '/users/:id/erasure',
    {
      schema: {
        tags: ['personal data'],
        summary: "Erase a person's personal data; their messages stay, shown as a deleted user (admins)",
        params: idParams,
        body: erasureBody,
        response: { 200: erasureOutcome, ...errorResponses },
      },
    },
    async (request) =>
      erasePerson(ctx, requireActor(request), { userId: request.params.id, ...request.body }),
  );

  app.get(
    '/settings/retention',
    {
      schema: {
        tags: ['personal data'],
        summary: 'How long tickets are kept (admins)',
        response: { 200: retentionSettings, ...errorResponses },
      },
    },
    async (request) => readRetentionSettings(ctx, requireActor(request)),
  );

  app.put(
    '/settings/retention',
    {
      schema: {
        tags: ['personal data'],
        summary: 'Set how long tickets are kept; older ones are closed and emptied by the worker (admins)',
        body: retentionSettings,
        response: { 200: retentionSettings, ...errorResponses },
      },
    },
    async (request) => saveRetentionSettings(ctx, requireActor(request), request.body),
  );
};

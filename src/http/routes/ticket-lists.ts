import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, AppContext } from '../../app/context';
import { exportTicketsCsv } from '../../app/ticket-lists/export-tickets';
import { listTickets, type TicketListItem } from '../../app/ticket-lists/list-tickets';
import { applyBulkAction } from '../../app/tickets/bulk-work';
import type { Language } from '../../i18n/language';
import { criticalityLabels, statusLabels } from '../../i18n/ticket-labels';
import { errorBody } from '../errors';
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import { errorResponses } from '../schemas/common';
import {
  bulkActionBody,
  bulkActionResponse,
  ticketExportQuery,
  ticketListQuery,
  ticketListResponse,
} from '../schemas/ticket-lists';

function present(item: TicketListItem, actor: Actor, language: Language) {
  const type = item.requestType;
  return {
    id: item.id,
    key: item.key,
    desk: item.desk,
    subject: item.subject,
    status: item.status,
    statusLabel: statusLabels[item.status][language],
    criticality: item.criticality,
    criticalityLabel: criticalityLabels[item.criticality][language],
    companyId: item.companyId,
    companyName: item.companyName,
    requestType: type
      ? {
          id: type.id,
          code: type.code,
          name: { fr: type.nameFr, de: type.nameDe, en: type.nameEn }[language],
        }
      : null,
    assignee: item.assignee,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    engagementDueAt: iso(item.engagementDueAt),
    resolutionDueAt: iso(item.resolutionDueAt),
    ...(actor.role === 'customer' ? {} : { slaState: item.slaState }),
  };
}

export const ticketListRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'List and search tickets: the staff queue, or the customer’s company tickets',
        querystring: ticketListQuery,
        response: { 200: ticketListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const page = await listTickets(ctx, actor, request.query);
      return {
        items: page.items.map((item) => present(item, actor, request.language)),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/tickets/export.csv',
    {
      schema: {
        tags: ['tickets'],
        summary:
          'Staff: the queue view (same filters and sort) as a spreadsheet (semicolon CSV, UTF-8 with BOM)',
        querystring: ticketExportQuery,
        produces: ['text/csv'],
        response: { 200: z.string().describe('semicolon-separated CSV, UTF-8 with BOM'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const csv = await exportTicketsCsv(ctx, requireActor(request), request.query, request.language);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csv.filename}"`);
      return csv.content;
    },
  );

  app.post(
    '/tickets/bulk',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Staff: assign, change the status of or close many tickets; each one is checked on its own',
        body: bulkActionBody,
        response: { 200: bulkActionResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { ticketIds, action } = request.body;
      const outcome = await applyBulkAction(ctx, requireActor(request), { ticketIds, action });
      return {
        done: outcome.done,
        refused: outcome.refused.map((r) => ({
          id: r.id,
          key: r.key,
          ...errorBody(r.error.code, request.language, r.error.params),
        })),
      };
    },
  );
};

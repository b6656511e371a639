import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor, AppContext } from '../../app/context';
import { listTickets, type TicketListItem } from '../../app/ticket-lists/list-tickets';
import type { Language } from '../../i18n/language';
import { criticalityLabels, statusLabels } from '../../i18n/ticket-labels';
import { requireActor } from '../plugins/session';
import { errorResponses } from '../schemas/common';
import { ticketListQuery, ticketListResponse } from '../schemas/ticket-lists';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

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
};

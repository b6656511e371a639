import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { getDashboard } from '../../app/dashboard/get-dashboard';
import { isTicketStatus } from '../../domain/tickets/index';
import type { Language } from '../../i18n/language';
import { criticalityLabels, statusLabels } from '../../i18n/ticket-labels';
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import { errorResponses } from '../schemas/common';
import { dashboardResponse } from '../schemas/dashboard';

const statusLabel = (status: string, language: Language) =>
  isTicketStatus(status) ? statusLabels[status][language] : status;

export const dashboardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'Staff dashboard: SLA compliance, backlog, tickets at risk, automatic closings, Flex consumption, satisfaction',
        response: { 200: dashboardResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const language = request.language;
      const d = await getDashboard(ctx, actor);
      return {
        generatedAt: d.generatedAt.toISOString(),
        slaCompliance: d.slaCompliance.map((row) => {
          const total = row.met + row.breached;
          return {
            ...row,
            criticalityLabel: criticalityLabels[row.criticality][language],
            metPercent: total === 0 ? null : Math.round((row.met / total) * 1000) / 10,
          };
        }),
        backlogByStatus: d.backlogByStatus.map((row) => ({
          ...row,
          statusLabel: statusLabel(row.status, language),
        })),
        backlogByAge: d.backlogByAge,
        atRisk: d.atRisk.map((t) => ({
          ...t,
          statusLabel: statusLabel(t.status, language),
          criticalityLabel: criticalityLabels[t.criticality][language],
          engagementDueAt: iso(t.engagementDueAt),
          resolutionDueAt: iso(t.resolutionDueAt),
        })),
        autoClosings: d.autoClosings,
        flexConsumption: d.flexConsumption,
        satisfaction: d.satisfaction,
      };
    },
  );
};

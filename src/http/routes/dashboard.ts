import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import { getDashboard } from '../../app/dashboard/get-dashboard';
import { satisfactionOver } from '../../app/dashboard/satisfaction';
import { DESK_INFO, isTicketStatus } from '../../domain/tickets/index';
import type { Language } from '../../i18n/language';
import { criticalityLabels, statusLabels } from '../../i18n/ticket-labels';
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import { errorResponses } from '../schemas/common';
import { dashboardResponse, satisfactionQuery, satisfactionResponse } from '../schemas/dashboard';

const statusLabel = (status: string, language: Language) =>
  isTicketStatus(status) ? statusLabels[status][language] : status;

export const dashboardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'Staff dashboard: SLA compliance, backlog, tickets at risk, automatic closings, Flex consumption',
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
      };
    },
  );

  app.get(
    '/dashboard/satisfaction',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'Satisfaction surveys answered over 30 or 90 days: count and mean score per desk, criticality, agent and company, and the latest comments',
        querystring: satisfactionQuery,
        response: { 200: satisfactionResponse, ...errorResponses },
      },
    },
    async (request) => {
      const language = request.language;
      const days = request.query.days === '90' ? 90 : 30;
      const s = await satisfactionOver(ctx, requireActor(request), days);
      const figure = (f: { answers: number; averageScore: number }) => ({
        answers: f.answers,
        averageScore: f.averageScore,
      });
      return {
        days: s.days,
        byDesk: s.byDesk.map((f) => ({
          desk: f.key,
          deskLabel: DESK_INFO[f.key].label[language],
          ...figure(f),
        })),
        byCriticality: s.byCriticality.map((f) => ({
          criticality: f.key,
          criticalityLabel: criticalityLabels[f.key][language],
          ...figure(f),
        })),
        byAgent: s.byAgent.map((f) => ({ id: f.key, name: f.name, ...figure(f) })),
        byCompany: s.byCompany.map((f) => ({ id: f.key, name: f.name ?? '', ...figure(f) })),
        comments: s.comments.map((c) => ({ ...c, answeredAt: c.answeredAt.toISOString() })),
      };
    },
  );
};

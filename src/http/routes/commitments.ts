import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import {
  getCommitments,
  getMonthlySlaReport,
  type SlaExplanations,
  sendMonthlySlaReport,
} from '../../app/sla/index';
import type { ClockExplanation } from '../../domain/sla/index';
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import {
  commitmentsQuery,
  commitmentsResponse,
  monthlyReportQuery,
  monthlyReportResponse,
  sendMonthlyReportBody,
  sendMonthlyReportResponse,
} from '../schemas/commitments';
import { errorResponses, idParams } from '../schemas/common';

/** A clock's explanation as it leaves the server: instants as ISO strings, optional fields spelled out. */
export function presentExplanation(explanation: ClockExplanation) {
  return {
    ...explanation,
    criticalityChanges: explanation.criticalityChanges.map((change) => ({
      ...change,
      at: change.at.toISOString(),
    })),
    startedAt: explanation.startedAt.toISOString(),
    readAt: explanation.readAt.toISOString(),
    endedAt: iso(explanation.endedAt),
    dueAt: explanation.dueAt.toISOString(),
    parts: explanation.parts.map((part) => ({
      kind: part.kind,
      from: part.from.toISOString(),
      to: part.to.toISOString(),
      minutes: part.minutes,
      businessMinutes: part.businessMinutes,
      projected: part.projected,
      afterDue: part.afterDue,
      reason: part.reason ?? null,
      ongoing: part.ongoing ?? false,
      closedDays: (part.closedDays ?? []).map((day) => ({
        date: day.date,
        reason: day.reason,
        name: day.name ?? null,
      })),
      eve: part.eve ?? false,
    })),
  };
}

export const presentExplanations = (explanations: SlaExplanations) => ({
  engagement: explanations.engagement ? presentExplanation(explanations.engagement) : null,
  resolution: explanations.resolution ? presentExplanation(explanations.resolution) : null,
});

/** "Nos engagements" and the monthly SLA report. */
export const commitmentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/sla/commitments',
    {
      schema: {
        tags: ['sla'],
        summary: 'Our commitments: targets per criticality for the company, desk hours, closed days, pauses',
        querystring: commitmentsQuery,
        response: { 200: commitmentsResponse, ...errorResponses },
      },
    },
    async (request) =>
      getCommitments(ctx, requireActor(request), {
        ...(request.query.companyId ? { companyId: request.query.companyId } : {}),
        language: request.language,
      }),
  );

  app.get(
    '/sla/monthly-report',
    {
      schema: {
        tags: ['sla'],
        summary: 'A company’s SLA month: tickets, met and breached per criticality, each breach explained',
        querystring: monthlyReportQuery,
        response: { 200: monthlyReportResponse, ...errorResponses },
      },
    },
    async (request) => {
      const report = await getMonthlySlaReport(ctx, requireActor(request), {
        month: request.query.month,
        ...(request.query.companyId ? { companyId: request.query.companyId } : {}),
        language: request.language,
      });
      return {
        ...report,
        computedAt: report.computedAt.toISOString(),
        breaches: report.breaches.map((breach) => ({
          ...breach,
          explanation: presentExplanation(breach.explanation),
        })),
      };
    },
  );

  app.post(
    '/admin/companies/:id/sla-report',
    {
      schema: {
        tags: ['sla', 'administration'],
        summary: 'Mail a company’s monthly SLA report to its managers (staff)',
        params: idParams,
        body: sendMonthlyReportBody,
        response: { 200: sendMonthlyReportResponse, ...errorResponses },
      },
    },
    async (request) =>
      sendMonthlySlaReport(ctx, requireActor(request), {
        companyId: request.params.id,
        month: request.body.month,
      }),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import {
  getCalendarConfig,
  getSlaOverride,
  getSlaTargets,
  getTicketSla,
  listAdminAudit,
  listClosedDays,
  type SettingState,
  type SlaOverrideState,
  setSlaOverride,
  updateCalendarConfig,
  updateSlaTargets,
} from '../../app/sla/index';
import type { SlaClockReport, SlaTargets } from '../../domain/sla/index';
import { defaultSlaTargets } from '../../domain/sla/index';
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import { errorResponses, idParams } from '../schemas/common';
import {
  adminAuditQuery,
  adminAuditResponse,
  calendarConfigSchema,
  calendarResponse,
  closedDaysQuery,
  closedDaysResponse,
  slaOverrideBody,
  slaOverrideResponse,
  slaTargetsBody,
  slaTargetsResponse,
  ticketSlaResponse,
} from '../schemas/sla';
import { presentExplanations } from './commitments';

const settingMeta = <T>(state: SettingState<T>) => ({
  saved: state.saved,
  updatedAt: iso(state.updatedAt),
  updatedBy: state.updatedBy,
});

const presentClock = (clock: SlaClockReport) => ({
  ...clock,
  dueAt: iso(clock.dueAt),
  atRiskAt: iso(clock.atRiskAt),
  breachedAt: iso(clock.breachedAt),
  breachesAt: iso(clock.breachesAt),
  metAt: iso(clock.metAt),
  stoppedAt: iso(clock.stoppedAt),
});

const presentTargets = (state: SettingState<SlaTargets>, recomputedTickets?: number) => ({
  targets: state.value,
  defaults: defaultSlaTargets,
  ...settingMeta(state),
  ...(recomputedTickets === undefined ? {} : { recomputedTickets }),
});

const presentOverride = (state: SlaOverrideState, recomputedTickets?: number) => ({
  contractId: state.contractId,
  companyId: state.companyId,
  override: state.override,
  effective: state.effective,
  updatedAt: iso(state.updatedAt),
  ...(recomputedTickets === undefined ? {} : { recomputedTickets }),
});

const admin = ['administration', 'sla'];

/** A ticket's SLA (R7), and the SLA targets, contract overrides and business calendar (R8). */
export const slaRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/tickets/:id/sla',
    {
      schema: {
        tags: ['tickets', 'sla'],
        summary: 'The SLA of a ticket: full clocks for staff, commitments and due times for customers',
        params: idParams,
        response: { 200: ticketSlaResponse, ...errorResponses },
      },
    },
    async (request) => {
      const sla = await getTicketSla(ctx, requireActor(request), request.params.id, request.language);
      if (sla.view === 'customer') {
        const commitment = (c: typeof sla.engagement) => (c ? { ...c, dueAt: iso(c.dueAt) } : null);
        return {
          ...sla,
          engagement: commitment(sla.engagement),
          resolution: commitment(sla.resolution),
          explanations: presentExplanations(sla.explanations),
        };
      }
      const { report } = sla;
      return {
        view: sla.view,
        ticketId: sla.ticketId,
        applicable: report.applicable,
        criticality: report.criticality,
        state: sla.state,
        paused: sla.paused,
        targets: sla.targets,
        contractId: sla.contractId,
        engagement: presentClock(report.engagement),
        resolution: presentClock(report.resolution),
        pauses: report.pauses.map((p) => ({ from: p.from.toISOString(), to: iso(p.to), reason: p.reason })),
        computedAt: sla.computedAt.toISOString(),
        explanations: presentExplanations(sla.explanations),
      };
    },
  );

  app.get(
    '/admin/sla/targets',
    {
      schema: {
        tags: admin,
        summary: 'SLA targets per criticality, in business minutes (staff)',
        response: { 200: slaTargetsResponse, ...errorResponses },
      },
    },
    async (request) => presentTargets(await getSlaTargets(ctx, requireActor(request))),
  );

  app.put(
    '/admin/sla/targets',
    {
      schema: {
        tags: admin,
        summary: 'Replace the SLA targets (administrators); open tickets follow',
        body: slaTargetsBody,
        response: { 200: slaTargetsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const result = await updateSlaTargets(ctx, requireActor(request), request.body.targets);
      return presentTargets(result, result.recomputedTickets);
    },
  );

  app.get(
    '/admin/contracts/:id/sla-override',
    {
      schema: {
        tags: admin,
        summary: 'A maintenance contract’s own SLA targets and the targets in force (staff)',
        params: idParams,
        response: { 200: slaOverrideResponse, ...errorResponses },
      },
    },
    async (request) => presentOverride(await getSlaOverride(ctx, requireActor(request), request.params.id)),
  );

  app.put(
    '/admin/contracts/:id/sla-override',
    {
      schema: {
        tags: admin,
        summary: 'Set a maintenance contract’s own SLA targets (administrators); its open tickets follow',
        params: idParams,
        body: slaOverrideBody,
        response: { 200: slaOverrideResponse, ...errorResponses },
      },
    },
    async (request) => {
      const result = await setSlaOverride(
        ctx,
        requireActor(request),
        request.params.id,
        request.body.targets,
      );
      return presentOverride(result, result.recomputedTickets);
    },
  );

  app.delete(
    '/admin/contracts/:id/sla-override',
    {
      schema: {
        tags: admin,
        summary: 'Remove a maintenance contract’s own SLA targets (administrators)',
        params: idParams,
        response: { 200: slaOverrideResponse, ...errorResponses },
      },
    },
    async (request) => {
      const result = await setSlaOverride(ctx, requireActor(request), request.params.id, null);
      return presentOverride(result, result.recomputedTickets);
    },
  );

  app.get(
    '/admin/calendar',
    {
      schema: {
        tags: admin,
        summary: 'The business calendar: hours, holiday region, eves, extra closed days (staff)',
        response: { 200: calendarResponse, ...errorResponses },
      },
    },
    async (request) => {
      const state = await getCalendarConfig(ctx, requireActor(request));
      return { config: state.value, ...settingMeta(state) };
    },
  );

  app.put(
    '/admin/calendar',
    {
      schema: {
        tags: admin,
        summary: 'Replace the business calendar (administrators); open tickets follow',
        body: calendarConfigSchema,
        response: { 200: calendarResponse, ...errorResponses },
      },
    },
    async (request) => {
      const result = await updateCalendarConfig(ctx, requireActor(request), request.body);
      return { config: result.value, ...settingMeta(result), recomputedTickets: result.recomputedTickets };
    },
  );

  app.get(
    '/admin/calendar/closed-days',
    {
      schema: {
        tags: admin,
        summary: 'Holidays (named in the caller’s language), eves closing early, extra closed days (staff)',
        querystring: closedDaysQuery,
        response: { 200: closedDaysResponse, ...errorResponses },
      },
    },
    async (request) =>
      listClosedDays(ctx, requireActor(request), { ...request.query, language: request.language }),
  );

  app.get(
    '/admin/sla/audit',
    {
      schema: {
        tags: admin,
        summary:
          'Who changed the SLA targets, overrides and calendar, when, from what to what (administrators)',
        querystring: adminAuditQuery,
        response: { 200: adminAuditResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { action, subjectId, limit } = request.query;
      const rows = await listAdminAudit(ctx, requireActor(request), {
        ...(action ? { actionPrefix: action } : {}),
        ...(subjectId ? { subjectId } : {}),
        ...(limit ? { limit } : {}),
      });
      return {
        items: rows.map((row) => ({
          id: row.id,
          at: row.at.toISOString(),
          actor: row.actorId ? { id: row.actorId, name: row.actorName } : null,
          action: row.action,
          subjectId: row.subjectId,
          before: row.before,
          after: row.after,
          data: row.data,
        })),
      };
    },
  );
};

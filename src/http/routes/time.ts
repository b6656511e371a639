import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import {
  deleteTimeEntry,
  listTicketTime,
  logTime,
  type TimeEntryView,
  updateTimeEntry,
} from '../../app/time/time-entries';
// The app functions answer customers "not found": time entries do not exist for them.
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import { errorResponses, idParams, okResponse } from '../schemas/common';
import { logTimeBody, ticketTimeResponse, timeEntrySchema, updateTimeBody } from '../schemas/time';

export const presentTimeEntry = (e: TimeEntryView) => ({
  id: e.id,
  ticketId: e.ticketId,
  companyId: e.companyId,
  projectId: e.projectId,
  userId: e.userId,
  userName: e.userName,
  workDate: e.workDate,
  minutes: e.minutes,
  note: e.note,
  billing: e.billing,
  billingOverridden: e.billingOverridden,
  overrideReason: e.overrideReason,
  billedAt: iso(e.billedAt),
  billingRunId: e.billingRunId,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

/** Time logged by staff on tickets (R12). Customers never reach these routes (404). */
export const timeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/tickets/:id/time',
    {
      schema: {
        tags: ['time'],
        summary: 'Staff: the time logged on a ticket',
        params: idParams,
        response: { 200: ticketTimeResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const items = await listTicketTime(ctx, actor, { ticketId: request.params.id });
      return {
        items: items.map(presentTimeEntry),
        totalMinutes: items.reduce((sum, e) => sum + e.minutes, 0),
        unbilledMinutes: items.filter((e) => !e.billedAt).reduce((sum, e) => sum + e.minutes, 0),
      };
    },
  );

  app.post(
    '/tickets/:id/time',
    {
      schema: {
        tags: ['time'],
        summary: 'Staff: log time on a ticket',
        params: idParams,
        body: logTimeBody,
        response: { 201: timeEntrySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const entry = await logTime(ctx, actor, { ticketId: request.params.id, ...request.body });
      return reply.status(201).send(presentTimeEntry(entry));
    },
  );

  app.patch(
    '/time/:id',
    {
      schema: {
        tags: ['time'],
        summary: 'Staff: change a time entry that is not billed yet',
        params: idParams,
        body: updateTimeBody,
        response: { 200: timeEntrySchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentTimeEntry(await updateTimeEntry(ctx, actor, { id: request.params.id, ...request.body }));
    },
  );

  app.delete(
    '/time/:id',
    {
      schema: {
        tags: ['time'],
        summary: 'Staff: delete a time entry that is not billed yet',
        params: idParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await deleteTimeEntry(ctx, actor, { id: request.params.id });
      return { ok: true as const };
    },
  );
};

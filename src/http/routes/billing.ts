import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type BillingRunView,
  getBillingRun,
  listBillingRuns,
  regieCsv,
} from '../../app/billing/billing-runs';
import { commitBilling } from '../../app/billing/commit-billing';
import { previewBilling } from '../../app/billing/preview-billing';
import type { AppContext } from '../../app/context';
import { requireActor } from '../plugins/session';
import {
  billingCommitBody,
  billingPeriodBody,
  billingPreviewResponse,
  billingRunListResponse,
  billingRunSchema,
} from '../schemas/billing';
import { errorResponses, idParams } from '../schemas/common';

const presentRun = (run: BillingRunView) => ({ ...run, createdAt: run.createdAt.toISOString() });

/** Billing runs (R12), admin only. */
export const billingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/billing/preview',
    {
      schema: {
        tags: ['billing'],
        summary: 'Admin: what a billing run over the period would bill (writes nothing)',
        body: billingPeriodBody,
        response: { 200: billingPreviewResponse, ...errorResponses },
      },
    },
    async (request) => previewBilling(ctx, requireActor(request), request.body),
  );

  app.post(
    '/billing/commit',
    {
      schema: {
        tags: ['billing'],
        summary: 'Admin: bill the entries of a preview, debit Flex balances, mark the time billed',
        body: billingCommitBody,
        response: { 201: billingRunSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const run = await commitBilling(ctx, actor, request.body);
      return reply.status(201).send(presentRun(await getBillingRun(ctx, actor, { id: run.id })));
    },
  );

  app.get(
    '/billing/runs',
    {
      schema: {
        tags: ['billing'],
        summary: 'Admin: billing runs, newest first',
        response: { 200: billingRunListResponse, ...errorResponses },
      },
    },
    async (request) => ({ items: (await listBillingRuns(ctx, requireActor(request))).map(presentRun) }),
  );

  app.get(
    '/billing/runs/:id',
    {
      schema: {
        tags: ['billing'],
        summary: 'Admin: one billing run and its totals',
        params: idParams,
        response: { 200: billingRunSchema, ...errorResponses },
      },
    },
    async (request) => presentRun(await getBillingRun(ctx, requireActor(request), request.params)),
  );

  app.get(
    '/billing/runs/:id/regie.csv',
    {
      schema: {
        tags: ['billing'],
        summary: 'Admin: the run’s régie time as a spreadsheet (semicolon CSV, UTF-8 with BOM)',
        params: idParams,
        produces: ['text/csv'],
        response: { 200: z.string().describe('semicolon-separated CSV, UTF-8 with BOM'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const csv = await regieCsv(ctx, actor, { id: request.params.id, language: request.language });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csv.filename}"`)
        .send(csv.content);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context';
import {
  type DeliveryLogEntry,
  listWebhookDeliveries,
  redeliverWebhook,
} from '../../app/webhooks/deliveries';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  updateWebhookEndpoint,
  type WebhookEndpointView,
} from '../../app/webhooks/endpoints';
import { WEBHOOK_EVENTS } from '../../domain/webhooks/events';
import { requireActor } from '../plugins/session';
import { iso } from '../present';
import { emptyBody, errorResponses, idParams, okResponse } from '../schemas/common';
import {
  createdWebhookEndpoint,
  webhookDeliveriesQuery,
  webhookDeliveryList,
  webhookDeliveryParams,
  webhookEndpointBody,
  webhookEndpointList,
  webhookEndpointSchema,
  webhookEndpointUpdate,
} from '../schemas/webhooks';

const present = (row: WebhookEndpointView) => ({
  id: row.id,
  url: row.url,
  description: row.description,
  events: row.events,
  includeInternal: row.includeInternal,
  allowPrivateNetwork: row.allowPrivateNetwork,
  active: row.active,
  failingSince: iso(row.failingSince),
  disabledAt: iso(row.disabledAt),
  createdAt: row.createdAt.toISOString(),
  pending: row.pending,
});

const presentDelivery = (row: DeliveryLogEntry) => ({
  id: row.id,
  event: row.event,
  ticketId: row.ticketId,
  ticketKey: row.ticketKey,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.nextAttemptAt.toISOString(),
  lastStatusCode: row.lastStatusCode,
  lastError: row.lastError,
  deliveredAt: iso(row.deliveredAt),
  createdAt: row.createdAt.toISOString(),
  log: row.log.map((a) => ({
    at: a.at.toISOString(),
    statusCode: a.statusCode,
    error: a.error,
    durationMs: a.durationMs,
  })),
});

const tags = ['webhooks'];

/**
 * Outbound webhooks (administrators): endpoints, their delivery log, redelivery. Each delivery is
 * a POST of JSON signed with `Guichet-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
 * under the endpoint's secret, with `Guichet-Delivery` (the idempotency key, the same on every
 * attempt) and `Guichet-Event`.
 */
export const webhookRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/admin/webhooks',
    {
      schema: {
        tags,
        summary: 'Webhook endpoints',
        response: { 200: webhookEndpointList, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listWebhookEndpoints(ctx, requireActor(request))).map(present),
      events: [...WEBHOOK_EVENTS],
    }),
  );

  app.post(
    '/admin/webhooks',
    {
      schema: {
        tags,
        summary: 'Register an endpoint (its signing secret is in this answer only)',
        body: webhookEndpointBody,
        response: { 201: createdWebhookEndpoint, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { secret, endpoint } = await createWebhookEndpoint(ctx, requireActor(request), request.body);
      reply.status(201);
      return { secret, item: present(endpoint) };
    },
  );

  app.put(
    '/admin/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change an endpoint, or disable or enable it',
        params: idParams,
        body: webhookEndpointUpdate,
        response: { 200: webhookEndpointSchema, ...errorResponses },
      },
    },
    async (request) =>
      present(await updateWebhookEndpoint(ctx, requireActor(request), request.params.id, request.body)),
  );

  app.delete(
    '/admin/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Remove an endpoint with its delivery log',
        params: idParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await deleteWebhookEndpoint(ctx, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/admin/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log of an endpoint, newest first, with every attempt and its response code',
        params: idParams,
        querystring: webhookDeliveriesQuery,
        response: { 200: webhookDeliveryList, ...errorResponses },
      },
    },
    async (request) => {
      const page = await listWebhookDeliveries(ctx, requireActor(request), request.params.id, request.query);
      return { items: page.items.map(presentDelivery), nextBefore: page.nextBefore };
    },
  );

  app.post(
    '/admin/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      schema: {
        tags,
        summary: 'Send a delivery again (same body, same Guichet-Delivery) on the next worker pass',
        params: webhookDeliveryParams,
        body: emptyBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await redeliverWebhook(ctx, requireActor(request), request.params.id, request.params.deliveryId);
      return { ok: true as const };
    },
  );
};

import type { z } from 'zod';
import type {
  createdWebhookEndpoint,
  webhookDeliveryList,
  webhookEndpointBody,
  webhookEndpointList,
} from '../../../src/http/schemas/webhooks';
import { apiGet, apiPost } from './client';

export type WebhookEndpointList = z.infer<typeof webhookEndpointList>;
export type WebhookEndpointItem = WebhookEndpointList['items'][number];
export type WebhookDeliveryList = z.infer<typeof webhookDeliveryList>;
export type CreatedWebhookEndpoint = z.infer<typeof createdWebhookEndpoint>;

export const webhooksKey = ['admin', 'webhooks'] as const;
export const deliveriesKey = (id: string) => ['admin', 'webhooks', id, 'deliveries'] as const;
export const fetchWebhooks = () => apiGet<WebhookEndpointList>('/api/admin/webhooks');
export const createWebhook = (input: z.input<typeof webhookEndpointBody>) =>
  apiPost<CreatedWebhookEndpoint>('/api/admin/webhooks', input);
export const fetchDeliveries = (id: string) =>
  apiGet<WebhookDeliveryList>(`/api/admin/webhooks/${id}/deliveries`);
export const redeliver = (id: string, deliveryId: string) =>
  apiPost<{ ok: true }>(`/api/admin/webhooks/${id}/deliveries/${deliveryId}/redeliver`);

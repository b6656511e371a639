import type { z } from 'zod';
import type { qualificationPreviewResponse } from '../../../src/http/schemas/console';
import type { dashboardResponse } from '../../../src/http/schemas/dashboard';
import type { staffTicketSla } from '../../../src/http/schemas/sla';
import type { bulkActionResponse, ticketListResponse } from '../../../src/http/schemas/ticket-lists';
import type { ticketResponse } from '../../../src/http/schemas/tickets';
import type { ticketTimeResponse } from '../../../src/http/schemas/time';
import type { savedViewList, savedViewSchema } from '../../../src/http/schemas/views';
import { apiDelete, apiGet, apiPost } from './client';

export type TicketPage = z.infer<typeof ticketListResponse>;
export type TicketListItem = TicketPage['items'][number];
export type Ticket = z.infer<typeof ticketResponse>['ticket'];
export type StaffSla = z.infer<typeof staffTicketSla>;
export type TicketTime = z.infer<typeof ticketTimeResponse>;
export type SavedView = z.infer<typeof savedViewSchema>;
export type QualificationPreview = z.infer<typeof qualificationPreviewResponse>;
export type Dashboard = z.infer<typeof dashboardResponse>;
export type TicketStatus = Ticket['status'];
export type Criticality = Ticket['criticality'];
export type CloseReason = NonNullable<Ticket['closeReason']>;

export type QueueFilters = Record<string, string | string[]>;

/** The query string of GET /api/tickets from filters (arrays become repeated parameters). */
export function toQuery(filters: QueueFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else if (value !== '') params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export const listTickets = (filters: QueueFilters, cursor?: string | null) =>
  apiGet<TicketPage>(`/api/tickets?${toQuery(filters, cursor)}`);
export const getTicket = (id: string) => apiGet<{ ticket: Ticket }>(`/api/tickets/${id}`);
export const getSla = (id: string) => apiGet<StaffSla>(`/api/tickets/${id}/sla`);
export const getTime = (id: string) => apiGet<TicketTime>(`/api/tickets/${id}/time`);

export const qualify = (
  id: string,
  body: { criticality?: Criticality; requestTypeId?: string; reason?: string },
) => apiPost<{ ticket: Ticket }>(`/api/tickets/${id}/qualify`, body);
export const previewQualification = (id: string, body: { criticality: Criticality; reason: string }) =>
  apiPost<QualificationPreview>(`/api/tickets/${id}/qualification-preview`, body);
export const take = (id: string) => apiPost<{ ticket: Ticket }>(`/api/tickets/${id}/take`);
export const assign = (id: string, assigneeId: string | null) =>
  apiPost<{ ticket: Ticket }>(`/api/tickets/${id}/assign`, { assigneeId });
export const changeStatus = (
  id: string,
  body: { status: TicketStatus; rpcReference?: string; spcReference?: string; closeReason?: CloseReason },
) => apiPost<{ ticket: Ticket }>(`/api/tickets/${id}/status`, body);
export const transferToConsulting = (id: string, body: { note: string; customerMessage: string | null }) =>
  apiPost<{ ticket: Ticket }>(`/api/tickets/${id}/transfer-consulting`, body);
export const closeTicket = (id: string, reason: CloseReason) =>
  apiPost<{ ticket: Ticket }>(`/api/tickets/${id}/close`, { reason });
export const logTime = (id: string, body: { workDate: string; minutes: number; note?: string }) =>
  apiPost<unknown>(`/api/tickets/${id}/time`, body);

export const listViews = () => apiGet<z.infer<typeof savedViewList>>('/api/views');
export const saveView = (name: string, filters: QueueFilters) =>
  apiPost<SavedView>('/api/views', { name, filters });
export const deleteView = (id: string) => apiDelete<{ ok: true }>(`/api/views/${id}`);

export const getDashboard = () => apiGet<Dashboard>('/api/dashboard');

export type BulkAction =
  | { kind: 'assign'; assigneeId: string | null }
  | { kind: 'status'; status: TicketStatus; rpcReference?: string; spcReference?: string }
  | { kind: 'close'; reason: CloseReason };
export type BulkOutcome = z.infer<typeof bulkActionResponse>;
export const bulkAction = (ticketIds: string[], action: BulkAction) =>
  apiPost<BulkOutcome>('/api/tickets/bulk', { ticketIds, action });
/** The link that downloads the view as CSV: the same filters and sort, without paging. */
export const exportUrl = (filters: QueueFilters) => {
  const { limit: _limit, ...rest } = filters;
  return `/api/tickets/export.csv?${toQuery(rest)}`;
};

import { infiniteQueryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { attachmentListResponse } from '../../../src/http/schemas/attachments';
import type { qualificationPreviewResponse } from '../../../src/http/schemas/console';
import type { staffTicketSla, ticketSlaResponse } from '../../../src/http/schemas/sla';
import type { bulkActionResponse, ticketListResponse } from '../../../src/http/schemas/ticket-lists';
import type {
  addMessageResponse,
  createTicketBody,
  ticketResponse,
  timelineResponse,
} from '../../../src/http/schemas/tickets';
import type { ticketTimeResponse } from '../../../src/http/schemas/time';
import { apiDelete, apiGet, apiPost, apiPut } from './client';
import { sendForm } from './send-form';

/**
 * The ticket endpoints, the same for the portal and the console (the server answers each reader
 * with what they may see), and the one factory of their query keys.
 */

type TicketAnswer = z.infer<typeof ticketResponse>;
export type Ticket = TicketAnswer['ticket'];
export type TicketList = z.infer<typeof ticketListResponse>;
export type TicketListItem = TicketList['items'][number];
export type TimelineEntry = z.infer<typeof timelineResponse>['entries'][number];
export type Attachment = z.infer<typeof attachmentListResponse>['items'][number];
export type NewTicket = z.input<typeof createTicketBody>;
export type TicketSla = z.infer<typeof ticketSlaResponse>;
export type StaffSla = z.infer<typeof staffTicketSla>;
export type TicketTime = z.infer<typeof ticketTimeResponse>;
export type QualificationPreview = z.infer<typeof qualificationPreviewResponse>;
export type TicketStatus = Ticket['status'];
export type Criticality = Ticket['criticality'];
export type CloseReason = NonNullable<Ticket['closeReason']>;

/** Filters of GET /api/tickets as the address carries them (an array is a repeated parameter). */
export type TicketFilters = Record<string, string | string[]>;

/**
 * Query keys: everything about one ticket sits under `ticketKeys.one(id)` and every list under
 * `ticketKeys.lists()`, so a change refreshes the ticket and the lists it shows in, nothing else.
 */
export const ticketKeys = {
  all: ['tickets'] as const,
  lists: () => [...ticketKeys.all, 'list'] as const,
  list: (filters: TicketFilters) => [...ticketKeys.lists(), filters] as const,
  /** Every single ticket's data (what the route loaders fetch ahead of a ticket's page). */
  each: () => [...ticketKeys.all, 'one'] as const,
  one: (id: string) => [...ticketKeys.each(), id] as const,
  detail: (id: string) => [...ticketKeys.one(id), 'detail'] as const,
  /** The sentences come in the reader's language: another language is another answer. */
  timeline: (id: string, language?: string) =>
    language === undefined
      ? ([...ticketKeys.one(id), 'timeline'] as const)
      : ([...ticketKeys.one(id), 'timeline', language] as const),
  attachments: (id: string) => [...ticketKeys.one(id), 'attachments'] as const,
  sla: (id: string) => [...ticketKeys.one(id), 'sla'] as const,
  time: (id: string) => [...ticketKeys.one(id), 'time'] as const,
};

/** The query string of GET /api/tickets from filters (arrays become repeated parameters). */
export function toQuery(filters: TicketFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else if (value !== '') params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** The company's tickets that wait for the customer, longest waiting first (the portal home's list). */
export const waitingForCustomer: TicketFilters = {
  status: 'waiting_customer',
  sort: 'updatedAt',
  order: 'asc',
  limit: '20',
};

export const listTickets = (filters: TicketFilters, cursor?: string | null) =>
  apiGet<TicketList>(`/api/tickets?${toQuery(filters, cursor)}`);
/** A list read page by page (the queues), as a page and its route loader ask for it. */
export const ticketPages = (filters: TicketFilters) =>
  infiniteQueryOptions({
    queryKey: ticketKeys.list(filters),
    queryFn: ({ pageParam }) => listTickets(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
/** The link that downloads the list as CSV: the same filters and sort, without paging. */
export const exportUrl = (filters: TicketFilters) => {
  const { limit: _limit, ...rest } = filters;
  return `/api/tickets/export.csv?${toQuery(rest)}`;
};

export const getTicket = (id: string) => apiGet<TicketAnswer>(`/api/tickets/${id}`);
export const getTimeline = (id: string) =>
  apiGet<z.infer<typeof timelineResponse>>(`/api/tickets/${id}/timeline`);
export const getAttachments = (id: string) =>
  apiGet<z.infer<typeof attachmentListResponse>>(`/api/tickets/${id}/attachments`);
/** The ticket's commitments as the reader may see them (customer or staff view). */
export const getTicketSla = (id: string) => apiGet<TicketSla>(`/api/tickets/${id}/sla`);
/** The staff view of the ticket's commitments (the console is staff only). */
export const getStaffSla = (id: string) => apiGet<StaffSla>(`/api/tickets/${id}/sla`);
export const watchTicket = (id: string) => apiPut<{ watching: boolean }>(`/api/tickets/${id}/watch`);
export const unwatchTicket = (id: string) => apiDelete<{ watching: boolean }>(`/api/tickets/${id}/watch`);
export const getTime = (id: string) => apiGet<TicketTime>(`/api/tickets/${id}/time`);

/** Opens a ticket with its attachments in one request; `onProgress` gets the share sent (0–1). */
export function createTicket(input: NewTicket, files: File[], onProgress?: (share: number) => void) {
  return sendForm<TicketAnswer>('/api/tickets', input, files, onProgress);
}

/** A message as it will be shown, rendered and sanitised by the server. */
export const previewRichText = (body: string) =>
  apiPost<{ html: string }>('/api/rich-text/preview', { body, format: 'markdown' });

/** Answers a ticket (public message) with attachments. */
export function replyToTicket(id: string, body: string, files: File[], onProgress?: (share: number) => void) {
  return sendMessage(id, { body, format: 'markdown', visibility: 'public' }, files, onProgress);
}

/** An answer or an internal note with its files, in one request. */
export function sendMessage(
  id: string,
  message: { body: string; format: 'plain' | 'markdown'; visibility: 'public' | 'internal' },
  files: File[],
  onProgress?: (share: number) => void,
) {
  return sendForm<z.infer<typeof addMessageResponse>>(
    `/api/tickets/${id}/messages`,
    message,
    files,
    onProgress,
  );
}

export const qualify = (
  id: string,
  body: { criticality?: Criticality; requestTypeId?: string; reason?: string },
) => apiPost<TicketAnswer>(`/api/tickets/${id}/qualify`, body);
export const previewQualification = (id: string, body: { criticality: Criticality; reason: string }) =>
  apiPost<QualificationPreview>(`/api/tickets/${id}/qualification-preview`, body);
export const take = (id: string) => apiPost<TicketAnswer>(`/api/tickets/${id}/take`);
export const assign = (id: string, assigneeId: string | null) =>
  apiPost<TicketAnswer>(`/api/tickets/${id}/assign`, { assigneeId });
export const changeStatus = (
  id: string,
  body: { status: TicketStatus; rpcReference?: string; spcReference?: string; closeReason?: CloseReason },
) => apiPost<TicketAnswer>(`/api/tickets/${id}/status`, body);
export const transferToConsulting = (id: string, body: { note: string; customerMessage: string | null }) =>
  apiPost<TicketAnswer>(`/api/tickets/${id}/transfer-consulting`, body);
/** Closes the ticket: staff give a reason; a customer closes without one (solved). */
export const closeTicket = (id: string, reason?: CloseReason) =>
  apiPost<TicketAnswer>(`/api/tickets/${id}/close`, reason ? { reason } : {});
export const logTime = (id: string, body: { workDate: string; minutes: number; note?: string }) =>
  apiPost<unknown>(`/api/tickets/${id}/time`, body);

export type BulkAction =
  | { kind: 'assign'; assigneeId: string | null }
  | { kind: 'status'; status: TicketStatus; rpcReference?: string; spcReference?: string }
  | { kind: 'close'; reason: CloseReason };
export type BulkOutcome = z.infer<typeof bulkActionResponse>;
export const bulkAction = (ticketIds: string[], action: BulkAction) =>
  apiPost<BulkOutcome>('/api/tickets/bulk', { ticketIds, action });

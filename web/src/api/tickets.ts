import type { z } from 'zod';
import type { attachmentListResponse } from '../../../src/http/schemas/attachments';
import type { ticketListQuery, ticketListResponse } from '../../../src/http/schemas/ticket-lists';
import type {
  addMessageResponse,
  createTicketBody,
  ticketResponse,
  ticketSchema,
  timelineResponse,
} from '../../../src/http/schemas/tickets';
import { ApiError, apiDelete, apiGet, apiPost, apiPut, csrfToken, resumingAfterSignIn } from './client';

export type Ticket = z.infer<typeof ticketSchema>;
export type TicketList = z.infer<typeof ticketListResponse>;
export type TicketListItem = TicketList['items'][number];
export type TicketListFilters = Partial<z.input<typeof ticketListQuery>>;
export type TimelineEntry = z.infer<typeof timelineResponse>['entries'][number];
export type Attachment = z.infer<typeof attachmentListResponse>['items'][number];
export type NewTicket = z.input<typeof createTicketBody>;
export type TicketStatus = Ticket['status'];

export const ticketKey = (id: string) => ['ticket', id] as const;
export const timelineKey = (ticketId: string) => ['timeline', ticketId] as const;
export const attachmentsKey = (ticketId: string) => ['attachments', ticketId] as const;

export function fetchTickets(filters: TicketListFilters): Promise<TicketList> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const query = params.toString();
  return apiGet<TicketList>(`/api/tickets${query ? `?${query}` : ''}`);
}

export const fetchTicket = (id: string) => apiGet<z.infer<typeof ticketResponse>>(`/api/tickets/${id}`);
export const fetchTimeline = (id: string) =>
  apiGet<z.infer<typeof timelineResponse>>(`/api/tickets/${id}/timeline`);
export const fetchAttachments = (id: string) =>
  apiGet<z.infer<typeof attachmentListResponse>>(`/api/tickets/${id}/attachments`);
export const watchTicket = (id: string) => apiPut<{ watching: boolean }>(`/api/tickets/${id}/watch`);
export const unwatchTicket = (id: string) => apiDelete<{ watching: boolean }>(`/api/tickets/${id}/watch`);
export const closeTicket = (id: string) =>
  apiPost<z.infer<typeof ticketResponse>>(`/api/tickets/${id}/close`, {});

/** Opens a ticket with its attachments in one request; `onProgress` gets the share sent (0–1). */
export function createTicket(input: NewTicket, files: File[], onProgress?: (share: number) => void) {
  return sendForm<z.infer<typeof ticketResponse>>('/api/tickets', input, files, onProgress);
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

/**
 * A multipart form through XMLHttpRequest, the one browser API that reports upload progress;
 * same cookies, anti-forgery header and error shape as the JSON client.
 */
function sendForm<T>(
  path: string,
  fields: Record<string, unknown>,
  files: File[],
  onProgress?: (share: number) => void,
): Promise<T> {
  return resumingAfterSignIn(() => sendFormOnce<T>(path, fields, files, onProgress));
}

async function sendFormOnce<T>(
  path: string,
  fields: Record<string, unknown>,
  files: File[],
  onProgress?: (share: number) => void,
): Promise<T> {
  if (!csrfToken()) await fetch('/api/session', { credentials: 'same-origin' }).catch(() => {});
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && value !== '') form.append(key, String(value));
  }
  for (const file of files) form.append('file', file, file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken() ?? '');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(payload as T);
        return;
      }
      const p = (payload ?? {}) as {
        code?: string;
        message?: string;
        fields?: { path: string; message: string }[];
        details?: Record<string, unknown>;
      };
      reject(
        new ApiError(
          xhr.status,
          p.code ?? 'unexpected',
          p.message ?? 'unexpected',
          p.fields ?? [],
          p.details ?? {},
        ),
      );
    };
    xhr.send(form);
  });
}

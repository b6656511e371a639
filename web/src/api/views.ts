import type { z } from 'zod';
import type { savedViewList, savedViewSchema } from '../../../src/http/schemas/views';
import { apiDelete, apiGet, apiPost } from './client';
import type { TicketFilters } from './tickets';

export type SavedView = z.infer<typeof savedViewSchema>;

export const viewsKey = ['staff-views'] as const;
export const listViews = () => apiGet<z.infer<typeof savedViewList>>('/api/views');
export const saveView = (name: string, filters: TicketFilters) =>
  apiPost<SavedView>('/api/views', { name, filters });
export const deleteView = (id: string) => apiDelete<{ ok: true }>(`/api/views/${id}`);

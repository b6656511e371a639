import type { z } from 'zod';
import type { ticketSlaResponse } from '../../../src/http/schemas/sla';
import { apiGet } from './client';

export type TicketSla = z.infer<typeof ticketSlaResponse>;

export const fetchTicketSla = (ticketId: string) => apiGet<TicketSla>(`/api/tickets/${ticketId}/sla`);

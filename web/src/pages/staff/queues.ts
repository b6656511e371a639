import { TICKET_STATUSES } from '../../../../src/http/schemas/vocabulary';
import type { TicketFilters } from '../../api/tickets';

export const QUEUES = [
  'toQualify',
  'toPickUp',
  'mine',
  'waitingCustomer',
  'development',
  'consulting',
  'all',
] as const;
export type QueueId = (typeof QUEUES)[number];

const notClosed = TICKET_STATUSES.filter((status) => status !== 'closed');

/** Each queue is a filter of GET /api/tickets, sorted by the due time that matters in it. */
export const QUEUE_FILTERS: Record<QueueId, TicketFilters> = {
  toQualify: { status: ['open'], sort: 'engagementDueAt', order: 'asc' },
  toPickUp: { status: ['qualified'], sort: 'engagementDueAt', order: 'asc' },
  mine: { assigneeId: 'me', status: notClosed, sort: 'resolutionDueAt', order: 'asc' },
  waitingCustomer: { status: ['waiting_customer'], sort: 'resolutionDueAt', order: 'asc' },
  development: {
    status: ['waiting_development', 'transferred_development'],
    sort: 'resolutionDueAt',
    order: 'asc',
  },
  consulting: { desk: 'consulting', status: notClosed, sort: 'updatedAt', order: 'desc' },
  all: { sort: 'updatedAt', order: 'desc' },
};

export const isQueue = (value: string | undefined): value is QueueId =>
  (QUEUES as readonly string[]).includes(value ?? '');

/** The queue a path names, the queue to qualify when it names none. */
export const queueOf = (value: string | undefined): QueueId => (isQueue(value) ? value : 'toQualify');

/** A queue's first page as it opens, before any search, filter or sort is chosen. */
export const firstPageOf = (queue: QueueId): TicketFilters => ({ ...QUEUE_FILTERS[queue], limit: '50' });

/** The due time a ticket's next step is measured against. */
export const relevantDue = (item: {
  status: string;
  engagementDueAt: string | null;
  resolutionDueAt: string | null;
}) => (item.status === 'open' || item.status === 'qualified' ? item.engagementDueAt : item.resolutionDueAt);

import { z } from 'zod';
import {
  CLOSE_REASONS,
  CRITICALITIES,
  DESKS,
  TICKET_SORTS,
  TICKET_STATUSES,
} from '../../domain/tickets/index';
import { idSchema } from './common';

// The enums come from the domain, their one home (desks, statuses, criticalities, sorts).
const desks = DESKS;
const statuses = TICKET_STATUSES;
const criticalities = CRITICALITIES;

export const ticketSortSchema = z.enum(TICKET_SORTS);

/** A repeated (`status=a&status=b`) or comma-separated (`status=a,b`) query parameter. */
const many = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (raw) =>
      (Array.isArray(raw) ? raw : [raw])
        .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
        .filter((v) => v !== ''),
    z.array(z.enum(values)).max(values.length * 2),
  );

export const ticketListQuery = z.object({
  desk: z.enum(desks).optional(),
  status: many(statuses).optional(),
  criticality: many(criticalities).optional(),
  /** Staff: a user id, `me` or `none` (unassigned). */
  assigneeId: z.union([idSchema, z.literal('me'), z.literal('none')]).optional(),
  /** Staff: one company. */
  companyId: idSchema.optional(),
  requestTypeId: idSchema.optional(),
  /** Staff: tickets whose SLA is at risk (75 % of a target used) or breached, as of now. */
  sla: z.enum(['at_risk', 'breached']).optional(),
  /** Customers: only the tickets I opened. */
  mine: z.stringbool().optional(),
  /** Full-text search (French and German, accents ignored), or a ticket key such as SUP-1042. */
  q: z.string().trim().max(200).optional(),
  /** Default: relevance when searching, otherwise updatedAt. */
  sort: ticketSortSchema.optional(),
  order: z.enum(['asc', 'desc']).optional(),
  /** The nextCursor of the previous page, with the same filters and sort. */
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;

export const ticketListItemSchema = z.object({
  id: idSchema,
  key: z.string(),
  desk: z.enum(desks),
  subject: z.string(),
  status: z.enum(statuses),
  statusLabel: z.string(),
  criticality: z.enum(criticalities),
  criticalityLabel: z.string(),
  companyId: idSchema,
  companyName: z.string(),
  requestType: z.object({ id: idSchema, code: z.string(), name: z.string() }).nullable(),
  assignee: z.object({ id: idSchema, name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  engagementDueAt: z.string().nullable(),
  resolutionDueAt: z.string().nullable(),
  /** Staff only: on_track, at_risk or breached as of the ticket's last change. */
  slaState: z.string().nullable().optional(),
});
export type TicketListItemDto = z.infer<typeof ticketListItemSchema>;

export const ticketListResponse = z.object({
  items: z.array(ticketListItemSchema),
  nextCursor: z.string().nullable(),
});

/** The queue's filters and sort, without paging: the export holds every row of the view. */
export const ticketExportQuery = ticketListQuery.omit({ cursor: true, limit: true });

export const bulkActionBody = z.object({
  ticketIds: z.array(idSchema).min(1).max(200),
  action: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('assign'), assigneeId: idSchema.nullable() }),
    z.object({
      kind: z.literal('status'),
      status: z.enum(statuses),
      rpcReference: z.string().trim().max(100).optional(),
      spcReference: z.string().trim().max(100).optional(),
    }),
    z.object({ kind: z.literal('close'), reason: z.enum(CLOSE_REASONS) }),
  ]),
});

export const bulkActionResponse = z.object({
  done: z.array(z.object({ id: idSchema, key: z.string() })),
  refused: z.array(
    z.object({ id: idSchema, key: z.string().nullable(), code: z.string(), message: z.string() }),
  ),
});

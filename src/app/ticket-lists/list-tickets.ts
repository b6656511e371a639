import { and, desc, eq, inArray, isNull, ne, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { requestTypes } from '../../db/schema/catalogue';
import { companies, users } from '../../db/schema/core';
import { ticketSearch } from '../../db/schema/ticket-search';
import { tickets } from '../../db/schema/tickets';
import {
  type Criticality,
  type Desk,
  TICKET_STATUSES,
  type TicketSort,
  type TicketStatus,
} from '../../domain/tickets/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { type SlaQueueFilter, slaStateFilter } from '../sla/queue-filter';
import { requestTypeColumns } from '../tickets/request-type-columns';
import { seesInternal, visibleTicketsFor } from '../tickets/scope';
import { decodeListCursor, encodeListCursor } from './cursor';
import { resolveSearchQuery, SEARCH_CANDIDATES, searchCandidates } from './search';

export interface ListTicketsInput {
  desk?: Desk;
  status?: TicketStatus[];
  criticality?: Criticality[];
  /** Staff: a user id, `me`, or `none` (unassigned). */
  assigneeId?: string;
  /** Staff: one company. */
  companyId?: string;
  /** Staff: tickets whose SLA is at risk or breached now. */
  sla?: SlaQueueFilter;
  requestTypeId?: string;
  /** Customers: only the tickets they opened. */
  mine?: boolean;
  /** Full-text search over subject, description and messages (customers: public messages only). */
  q?: string;
  /** Default: relevance when searching, otherwise most recently updated first. */
  sort?: TicketSort;
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

export interface TicketListItem {
  id: string;
  key: string;
  desk: Desk;
  subject: string;
  status: TicketStatus;
  criticality: Criticality;
  companyId: string;
  companyName: string;
  requestType: { id: string; code: string; nameFr: string; nameDe: string; nameEn: string } | null;
  assignee: { id: string; name: string } | null;
  createdAt: Date;
  updatedAt: Date;
  engagementDueAt: Date | null;
  resolutionDueAt: Date | null;
  slaState: string | null;
}

export interface TicketPage {
  items: TicketListItem[];
  /** Pass back to get the next page; null on the last one. */
  nextCursor: string | null;
}

const assignees = alias(users, 'assignee');
const keyPattern = /^(SUP|CON)-\d+$/i;

/**
 * The ticket queue (staff) and the company's ticket list (customers): filters, a sort on any shown
 * column, keyset pagination (every ticket exactly once across pages, even as rows are added), and
 * full-text search ranked by relevance. Customers are scoped to their company by the ticket scope.
 */
export async function listTickets(
  ctx: AppContext,
  actor: Actor,
  input: ListTicketsInput = {},
): Promise<TicketPage> {
  const tsquery = await searchQueryFor(ctx.db, input);
  const { query, sort, order, limit } = ticketListQuery(ctx.db, actor, input, ctx.clock.now(), tsquery);
  const name = companyListStatement(actor, input, sort, order);
  const rows = name ? await query.prepare(name).execute() : await query;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...row.ticket,
      companyName: row.companyName,
      requestType: row.requestType,
      assignee: row.assignee,
    })),
    nextCursor:
      rows.length > limit && last
        ? encodeListCursor({ sort, order, value: last.sortValue, id: last.ticket.id })
        : null,
  };
}

/**
 * A customer's company list without filters is a named (prepared) statement, one per sort and
 * page kind: the database plans it once per connection instead of on every page, which cost more
 * than running it. Filtered lists and staff queues are planned for their values each time, since
 * the best plan depends on them (how rare a status is, how large a company).
 */
function companyListStatement(
  actor: Actor,
  input: ListTicketsInput,
  sort: TicketSort,
  order: 'asc' | 'desc',
): string | null {
  if (actor.role !== 'customer' || !actor.companyId) return null;
  const { desk, status, criticality, requestTypeId, mine, q } = input;
  if (desk || status?.length || criticality?.length || requestTypeId || mine || q?.trim()) return null;
  // After a row whose sort value is null, the page condition has another shape.
  const page = !input.cursor
    ? 'first'
    : decodeListCursor(input.cursor, sort, order).value === null
      ? 'after_null'
      : 'after';
  return `guichet_company_list_${sort}_${order}_${page}`;
}

/** The full-text query of a list's search words, or null when it does not search the text. */
export async function searchQueryFor(db: DbOrTx, input: ListTicketsInput): Promise<SQL | null> {
  const q = input.q?.trim() ?? '';
  return q && !keyPattern.test(q) ? resolveSearchQuery(db, q) : null;
}

/**
 * The query behind a page of the list: one row more than the page, to know whether more follow.
 * `search` is the resolved full-text query of `input.q` (searchQueryFor).
 */
export function ticketListQuery(
  db: DbOrTx,
  actor: Actor,
  input: ListTicketsInput,
  now: Date,
  search: SQL | null,
) {
  const staff = seesInternal(actor);
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 100);
  const q = input.q?.trim() ?? '';
  const byKey = keyPattern.test(q);
  const sort: TicketSort = input.sort ?? (search ? 'relevance' : 'updatedAt');
  if (sort === 'relevance' && !search) throw new AppError('validation_failed');
  const order = input.order ?? defaultOrder(sort);
  const vector = staff ? ticketSearch.staffVector : ticketSearch.publicVector;
  const column = sortColumn(sort, search ? sql`ts_rank(${vector}, ${search})` : null);

  // Conditions on the ticket row; the company and the words are also on the search row.
  const ticketFilters: (SQL | undefined)[] = [
    input.desk ? eq(tickets.desk, input.desk) : undefined,
    input.status?.length ? statusFilter(input.status) : undefined,
    input.criticality?.length ? inArray(tickets.criticality, input.criticality) : undefined,
    input.requestTypeId ? eq(tickets.requestTypeId, input.requestTypeId) : undefined,
    byKey ? eq(tickets.key, q.toUpperCase()) : undefined,
  ];
  if (staff) {
    if (input.sla) ticketFilters.push(slaStateFilter(input.sla, now));
    if (input.assigneeId === 'none') ticketFilters.push(isNull(tickets.assigneeId));
    else if (input.assigneeId) {
      ticketFilters.push(eq(tickets.assigneeId, input.assigneeId === 'me' ? actor.userId : input.assigneeId));
    }
  } else if (input.mine) {
    ticketFilters.push(eq(tickets.createdBy, actor.userId));
  }
  const company = staff ? input.companyId : actor.companyId;
  const filters: (SQL | undefined)[] = [
    visibleTicketsFor(actor),
    staff && input.companyId ? eq(tickets.companyId, input.companyId) : undefined,
    ...ticketFilters,
  ];
  if (search && sort === 'relevance') {
    // Relevance ranks the most recent matches only (SEARCH_CANDIDATES), found from the search rows.
    filters.push(inArray(tickets.id, relevanceCandidates(db, vector, search, staff, company, ticketFilters)));
  } else if (search) {
    filters.push(sql`${vector} @@ ${search}`);
  }
  if (input.cursor) {
    const cursor = decodeListCursor(input.cursor, sort, order);
    filters.push(after(column, order, cursor.value, cursor.id));
  }

  const base = db
    .select({
      ticket: {
        id: tickets.id,
        key: tickets.key,
        desk: tickets.desk,
        subject: tickets.subject,
        status: tickets.status,
        criticality: tickets.criticality,
        companyId: tickets.companyId,
        createdAt: tickets.createdAt,
        updatedAt: tickets.updatedAt,
        engagementDueAt: tickets.engagementDueAt,
        resolutionDueAt: tickets.resolutionDueAt,
        slaState: tickets.slaState,
      },
      companyName: companies.name,
      requestType: requestTypeColumns,
      assignee: { id: assignees.id, name: assignees.name },
      sortValue: sql<string | null>`(${column.expression})::text`,
    })
    .from(tickets)
    .innerJoin(companies, eq(companies.id, tickets.companyId))
    .leftJoin(requestTypes, eq(requestTypes.id, tickets.requestTypeId))
    .leftJoin(assignees, eq(assignees.id, tickets.assigneeId));
  const joined = search ? base.innerJoin(ticketSearch, eq(ticketSearch.ticketId, tickets.id)) : base;
  const direction = order === 'asc' ? sql`asc` : sql`desc`;
  const query = joined
    .where(and(...filters))
    // "nulls last" only where nulls exist: on a NOT NULL column it would keep a descending scan
    // from using the column's index.
    .orderBy(
      column.nullable
        ? sql`${column.expression} ${direction} nulls last`
        : sql`${column.expression} ${direction}`,
      sql`${tickets.id} ${direction}`,
    )
    .limit(limit + 1);
  return { query, sort, order, limit };
}

/**
 * The matches a relevance search ranks. Without conditions on the ticket row, the database function
 * that looks among the most recent tickets first; with some, the matches joined to their tickets.
 */
function relevanceCandidates(
  db: DbOrTx,
  vector: SQLWrapper,
  search: SQL,
  staff: boolean,
  company: string | null | undefined,
  ticketFilters: (SQL | undefined)[],
): SQLWrapper {
  if (!ticketFilters.some(Boolean)) return searchCandidates(search, staff, company);
  return candidatesOnTickets(db, vector, search, company, ticketFilters);
}

function candidatesOnTickets(
  db: DbOrTx,
  vector: SQLWrapper,
  search: SQL,
  company: string | null | undefined,
  ticketFilters: (SQL | undefined)[],
): SQLWrapper {
  return db
    .select({ id: ticketSearch.ticketId })
    .from(ticketSearch)
    .innerJoin(tickets, eq(tickets.id, ticketSearch.ticketId))
    .where(
      and(
        sql`${vector} @@ ${search}`,
        company ? eq(ticketSearch.companyId, company) : undefined,
        ...ticketFilters,
      ),
    )
    .orderBy(desc(ticketSearch.createdAt), desc(ticketSearch.ticketId))
    .limit(SEARCH_CANDIDATES);
}

/**
 * Every status but closed is said as `status <> 'closed'`, the predicate of the partial indexes on
 * open tickets: the planner then counts the condition as met by those indexes (tickets_mine_idx
 * gives an agent's open tickets in order) instead of guessing it rare and combining other indexes.
 */
function statusFilter(statuses: TicketStatus[]): SQL {
  const wanted = new Set(statuses);
  const open = TICKET_STATUSES.filter((status) => status !== 'closed');
  if (!wanted.has('closed') && open.every((status) => wanted.has(status)))
    return ne(tickets.status, 'closed');
  return inArray(tickets.status, statuses);
}

interface SortColumn {
  expression: SQL;
  /** The SQL type the cursor's text value is cast back to. */
  type: SQL;
  nullable: boolean;
}

function sortColumn(sort: TicketSort, rank: SQL | null): SortColumn {
  const column = (expression: SQL, type: string, nullable = false): SortColumn => ({
    expression,
    type: sql.raw(type),
    nullable,
  });
  switch (sort) {
    case 'relevance':
      return column(rank ?? sql`0`, 'real');
    case 'key':
      return column(sql`${tickets.number}`, 'integer');
    case 'subject':
      return column(sql`${tickets.subject}`, 'text');
    case 'company':
      return column(sql`${companies.name}`, 'text');
    case 'assignee':
      return column(sql`${assignees.name}`, 'text', true);
    case 'status':
      return column(sql`${tickets.status}`, 'ticket_status');
    case 'criticality':
      return column(sql`${tickets.criticality}`, 'criticality');
    case 'createdAt':
      return column(sql`${tickets.createdAt}`, 'timestamptz');
    case 'updatedAt':
      return column(sql`${tickets.updatedAt}`, 'timestamptz');
    case 'engagementDueAt':
      return column(sql`${tickets.engagementDueAt}`, 'timestamptz', true);
    case 'resolutionDueAt':
      return column(sql`${tickets.resolutionDueAt}`, 'timestamptz', true);
  }
}

/** Rows strictly after (value, id) in the order `expression dir nulls last, id dir`. */
function after(column: SortColumn, order: 'asc' | 'desc', value: string | null, id: string): SQL {
  const { expression } = column;
  if (value === null) {
    return and(
      sql`${expression} is null`,
      order === 'asc' ? sql`${tickets.id} > ${id}` : sql`${tickets.id} < ${id}`,
    ) as SQL;
  }
  const typed = sql`cast(${value} as ${column.type})`;
  const beyond =
    order === 'asc'
      ? sql`(${expression}, ${tickets.id}) > (${typed}, ${id}::uuid)`
      : sql`(${expression}, ${tickets.id}) < (${typed}, ${id}::uuid)`;
  return column.nullable ? (or(beyond, sql`${expression} is null`) as SQL) : beyond;
}

function defaultOrder(sort: TicketSort): 'asc' | 'desc' {
  if (sort === 'relevance' || sort === 'updatedAt' || sort === 'createdAt' || sort === 'key') return 'desc';
  return 'asc';
}

/** The orders a list of tickets can be read in (queues, the customer's list, exports). */
export const TICKET_SORTS = [
  'relevance',
  'key',
  'subject',
  'company',
  'status',
  'criticality',
  'assignee',
  'createdAt',
  'updatedAt',
  'engagementDueAt',
  'resolutionDueAt',
] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

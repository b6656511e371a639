/** R6: the life of a ticket. */
export const TICKET_STATUSES = [
  'open',
  'qualified',
  'in_progress',
  'waiting_customer',
  'waiting_development',
  'transferred_development',
  'transferred_consulting',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const isTicketStatus = (value: unknown): value is TicketStatus =>
  typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);

/** Who is expected to act next, shown next to the status so nobody wonders whose turn it is. */
export const NEXT_ACTORS = ['staff', 'customer', 'development', 'consulting', 'nobody'] as const;
export type NextActor = (typeof NEXT_ACTORS)[number];

export interface StatusInfo {
  nextActor: NextActor;
}

/** Who acts next in each status (their words are in src/i18n/ticket-labels.ts). */
export const STATUS_INFO: Record<TicketStatus, StatusInfo> = {
  open: { nextActor: 'staff' },
  qualified: { nextActor: 'staff' },
  in_progress: { nextActor: 'staff' },
  waiting_customer: { nextActor: 'customer' },
  waiting_development: { nextActor: 'development' },
  transferred_development: { nextActor: 'development' },
  transferred_consulting: { nextActor: 'consulting' },
  closed: { nextActor: 'nobody' },
};

/** R6: closed is final, with one of these reasons. */
/** `retention`: closed by the retention task, never chosen by a person (see CLOSE_REASONS_OF_ROLE). */
export const CLOSE_REASONS = ['solution_delivered', 'no_answer', 'closed_by_customer', 'retention'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * The SLA of tickets (R7) over the business calendar (R8): configuration (targets, contract
 * overrides, calendar), the due times stored on each ticket after every change, the queue's
 * at-risk/breached filter, and what staff and customers are shown.
 */

export {
  type SlaRecomputation,
  type StoredSla,
  TICKET_SLA_STATES,
  type TicketSlaState,
} from '../../domain/sla/index';
export { type AdminAuditEntry, listAdminAudit } from './admin-audit';
export { recomputeSlaAfterChange } from './after-ticket-change';
export {
  type ClosedDayItem,
  getCalendarConfig,
  listClosedDays,
  updateCalendarConfig,
} from './calendar-admin';
export { calendarFor, overrideForCompany, readSlaConfig, type SettingState } from './config';
export { type Commitments, getCommitments } from './get-commitments';
export {
  type CustomerTicketSla,
  getTicketSla,
  type SlaExplanations,
  type StaffTicketSla,
} from './get-ticket-sla';
export {
  getMonthlySlaReport,
  type MonthlySlaReport,
  sendMonthlySlaReport,
} from './monthly-sla-report';
export { type SlaQueueFilter, slaStateFilter } from './queue-filter';
export { recomputeOpenTickets } from './recompute-open-tickets';
export {
  getSlaOverride,
  getSlaTargets,
  type SlaChangeResult,
  type SlaOverrideState,
  setSlaOverride,
  updateSlaTargets,
} from './sla-targets-admin';
export { computeTicketSla, evaluateTicketSla, recomputeTicketSla } from './ticket-sla';
export { ticketSlaEvents } from './ticket-sla-events';

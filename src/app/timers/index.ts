// Timers of tickets (R9 reminders and auto-close, R7 SLA warnings). Importing this module
// registers the scheduling hook on every ticket change.
import './register';

export * from './auto-close-settings';
export { runDueTimers } from './run-due-timers';
export { scheduleTicketTimers } from './schedule-timers';
export { scheduleSlaWarnings } from './sla-warnings';

// Timers of tickets (R9 reminders and auto-close, R7 SLA warnings).

export * from './auto-close-settings';
export { runDueTimers } from './run-due-timers';
export { scheduleTicketTimers } from './schedule-timers';
export { armSlaWarnings, scheduleSlaWarnings } from './sla-warnings';

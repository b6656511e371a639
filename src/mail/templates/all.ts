// Every mail template, one line each: add yours here (the registry in index.ts picks it up).

export { default as accountApproved } from './account-approved';
export { default as accountPasswordReset } from './account-password-reset';
export { default as accountRefused } from './account-refused';
export { default as accountRequestReceived } from './account-request-received';
export { default as flexLowBalance } from './flex-low-balance';
export { default as slaAtRisk } from './sla-at-risk';
export { default as slaBreached } from './sla-breached';
export { default as slaMonthlyReport } from './sla-monthly-report';
export { default as staffDigest } from './staff-digest';
export { default as staffNotice } from './staff-notice';
export { default as ticketClosed } from './ticket-closed';
export { default as ticketClosedAutoAnswer } from './ticket-closed-auto-answer';
export { default as ticketCriticalityLowered } from './ticket-criticality-lowered';
export { default as ticketPublicAnswer } from './ticket-public-answer';
export { default as ticketReceived } from './ticket-received';
export { default as ticketReminder1 } from './ticket-reminder-1';
export { default as ticketReminder2 } from './ticket-reminder-2';
export { default as ticketStatusChanged } from './ticket-status-changed';
export { default as webhookDisabled } from './webhook-disabled';

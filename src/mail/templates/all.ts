// Every mail template, one line each: add yours here (the registry in index.ts picks it up).

export { default as accountApproved } from './account-approved';
export { default as accountPasswordReset } from './account-password-reset';
export { default as accountRefused } from './account-refused';
export { default as accountRequestReceived } from './account-request-received';
export { default as flexLowBalance } from './flex-low-balance';

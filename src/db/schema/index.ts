// The whole schema, one file per area. drizzle-kit reads this folder to generate migrations.

export * from './api-tokens';
export * from './attachments';
export * from './canned-answers';
export * from './catalogue';
export * from './content';
export * from './core';
export * from './flex';
export * from './inbound';
export * from './live';
export * from './mail';
export * from './notifications';
export * from './rate-limits';
export * from './settings';
export * from './sla';
export * from './stored-files';
export * from './surveys';
export * from './ticket-search';
export * from './tickets';
export * from './timers';
export * from './two-factor';
export * from './views';
export * from './webhooks';

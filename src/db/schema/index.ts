// The whole schema, one file per area. drizzle-kit reads this folder to generate migrations.
export * from './core';
export * from './mail';
export * from './settings';
export * from './catalogue';
export * from './flex';
export * from './tickets';
export * from './attachments';
export * from './ticket-search';
export * from './inbound';
export * from './timers';
export * from './sla';
export * from './content';
export * from './views';

/**
 * The ticket lifecycle (R2, R4, R5, R6): statuses and who acts next, criticalities and their
 * definitions, desks and their key prefixes, and the one table of allowed status changes. Pure.
 */
export * from './auto-close';
export * from './criticality';
export * from './desks';
export * from './message-format';
export * from './sorts';
export * from './statuses';
export * from './transitions';
export type { Localized } from './translations';

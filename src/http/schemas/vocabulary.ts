/**
 * The API's closed vocabularies as plain lists, for the web client's pages that need the values at
 * run time (a filter's options) without loading the schema library with them.
 */
export { ROLES } from '../../domain/roles';
export { CRITICALITIES } from '../../domain/tickets/criticality';
export { TICKET_STATUSES } from '../../domain/tickets/statuses';

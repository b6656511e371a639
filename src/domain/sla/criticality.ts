// R4 is defined once, with the ticket lifecycle; the SLA speaks the same words.
export { CRITICALITIES, type Criticality } from '../tickets/criticality';

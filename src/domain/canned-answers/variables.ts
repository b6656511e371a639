/**
 * Canned answers: the variables an answer may use, and filling them. Pure: the caller gives the
 * values (the ticket, its customer, the agent) and the instant of the due time.
 */
export const CANNED_ANSWER_VARIABLES = [
  'customer.firstName',
  'customer.name',
  'company.name',
  'ticket.key',
  'ticket.subject',
  'agent.name',
  'sla.resolutionDue',
] as const;
export type CannedAnswerVariable = (typeof CANNED_ANSWER_VARIABLES)[number];

export interface CannedAnswerContext {
  customer: { name: string };
  companyName: string;
  ticket: { key: string; subject: string };
  agent: { name: string };
  /** The resolution due time already written for the customer (their language, Zurich time). */
  resolutionDue: string;
}

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;
const KNOWN: ReadonlySet<string> = new Set(CANNED_ANSWER_VARIABLES);

/** The variables a text uses that are not known: left as written when filled, and flagged. */
export function unknownVariables(text: string): string[] {
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((name) => !KNOWN.has(name));
  return [...new Set(unknown)];
}

/**
 * The text with each known variable replaced by its value for this ticket; unknown ones stay
 * visible as written (`{{like.this}}`) so that the agent sees and fixes them before sending.
 */
export function fillVariables(
  text: string,
  context: CannedAnswerContext,
): { text: string; unknown: string[] } {
  const values = valuesOf(context);
  const filled = text.replace(PLACEHOLDER, (whole, name: string) =>
    KNOWN.has(name) ? values[name as CannedAnswerVariable] : whole,
  );
  return { text: filled, unknown: unknownVariables(text) };
}

function valuesOf(context: CannedAnswerContext): Record<CannedAnswerVariable, string> {
  return {
    'customer.firstName': context.customer.name.trim().split(/\s+/)[0] ?? '',
    'customer.name': context.customer.name,
    'company.name': context.companyName,
    'ticket.key': context.ticket.key,
    'ticket.subject': context.ticket.subject,
    'agent.name': context.agent.name,
    'sla.resolutionDue': context.resolutionDue,
  };
}

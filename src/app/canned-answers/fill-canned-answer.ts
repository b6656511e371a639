import { eq } from 'drizzle-orm';
import { companies, users } from '../../db/schema/index';
import { fillVariables } from '../../domain/canned-answers/variables';
import type { TicketStatus } from '../../domain/tickets/index';
import { formatDateTime } from '../../i18n/format';
import { isLanguage, type Language } from '../../i18n/language';
import type { Actor, AppContext } from '../context';
import { authorize, policy } from '../policy';
import { loadTicketFor } from '../tickets/scope';
import { getCannedAnswer } from './canned-answers';

export interface FilledCannedAnswer {
  /** The customer's language, in which the text is written. */
  language: Language;
  text: string;
  /** Variables the text uses that do not exist: left visible in the text, to be fixed. */
  unknownVariables: string[];
  statusAfter: TicketStatus | null;
}

/**
 * A canned answer ready to insert into an answer on this ticket: the text in the language of the
 * ticket's customer, with the ticket's values in its variables.
 */
export async function fillCannedAnswer(
  ctx: AppContext,
  actor: Actor,
  input: { ticketId: string; answerId: string },
): Promise<FilledCannedAnswer> {
  authorize(policy.workAsStaff(actor));
  const answer = await getCannedAnswer(ctx, actor, input.answerId);
  const ticket = await loadTicketFor(ctx.db, actor, input.ticketId);
  const [customer] = await ctx.db
    .select({ name: users.name, language: users.language })
    .from(users)
    .where(eq(users.id, ticket.createdBy));
  const [company] = await ctx.db
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, ticket.companyId));
  const language: Language = customer && isLanguage(customer.language) ? customer.language : 'fr';
  const body = { fr: answer.bodyFr, de: answer.bodyDe, en: answer.bodyEn }[language];
  const filled = fillVariables(body, {
    customer: { name: customer?.name ?? '' },
    companyName: company?.name ?? '',
    ticket: { key: ticket.key, subject: ticket.subject },
    agent: { name: actor.name },
    resolutionDue: formatDateTime(ticket.resolutionDueAt, language),
  });
  return { language, text: filled.text, unknownVariables: filled.unknown, statusAfter: answer.statusAfter };
}

import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import { type Criticality, isLowering } from '../../domain/tickets/index';
import type { Language } from '../../i18n/language';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { loadTicketFor } from '../tickets/scope';

export interface QualificationPreview {
  /** False when the change tells the customer nothing by mail (criticality kept or raised). */
  mailed: boolean;
  recipient: { name: string; email: string; language: Language } | null;
  subject: string | null;
  text: string | null;
}

/**
 * The mail a customer will receive if staff lower a ticket's criticality with this reason (R5),
 * rendered from the very template the outbox will use, in the ticket author's language.
 */
export async function previewQualification(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  input: { criticality: Criticality; reason: string },
): Promise<QualificationPreview> {
  authorize(policy.workAsStaff(actor));
  const ticket = await loadTicketFor(ctx.db, actor, ticketId);
  if (!isLowering(ticket.criticality, input.criticality)) {
    return { mailed: false, recipient: null, subject: null, text: null };
  }
  const [author] = await ctx.db
    .select({ name: users.name, email: users.email, language: users.language })
    .from(users)
    .where(eq(users.id, ticket.createdBy));
  if (!author) throw new AppError('not_found');
  const language = author.language as Language;
  const rendered = await ctx.mail.previewTicketMail(ctx.db, {
    template: 'ticket.criticality_lowered',
    ticketId: ticket.id,
    publicUrl: ctx.publicUrl,
    language,
    params: { from: ticket.criticality, to: input.criticality, reason: input.reason || '…' },
  });
  if (!rendered) throw new AppError('not_found');
  return {
    mailed: true,
    recipient: { name: author.name, email: author.email, language },
    subject: rendered.subject,
    text: rendered.text,
  };
}

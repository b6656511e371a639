import type { Actor, AppContext } from '../app/context';
import { AppError } from '../app/errors/index';
import { loadTicketFor } from '../app/tickets/scope';

/** The ticket a page names in its frame: its key above its subject. */
export interface TicketHeading {
  key: string;
  subject: string;
}

/** A customer's ticket page: the ticket's id is its only part. */
export const customerTicketPage = /^\/tickets\/([0-9a-f-]{36})$/;

/**
 * The ticket a customer's ticket page is about, read with the page so that its key and subject are
 * painted with the frame (web-page.ts) instead of once its data has arrived. Only a ticket the
 * person may see is named; anything else, or a database that does not answer, leaves the frame
 * as it is (the page then says what it says without a heading).
 */
export async function ticketHeadingOf(
  ctx: AppContext,
  actor: Actor | null,
  path: string,
  warn: (error: unknown) => void,
): Promise<TicketHeading | null> {
  const id = customerTicketPage.exec(path)?.[1];
  if (!id || actor?.role !== 'customer') return null;
  try {
    const { key, subject } = await loadTicketFor(ctx.db, actor, id);
    return { key, subject };
  } catch (error) {
    if (!(error instanceof AppError)) warn(error);
    return null;
  }
}

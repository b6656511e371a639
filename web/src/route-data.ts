import i18next from 'i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { fetchRequestTypes, requestTypesKey } from './api/catalogue';
import { commitmentsKey, fetchCommitments } from './api/commitments';
import { queryClient } from './api/query-client';
import { fetchSession, sessionKey } from './api/session';
import {
  getAttachments,
  getStaffSla,
  getTicket,
  getTicketSla,
  getTimeline,
  listTickets,
  ticketKeys,
  ticketPages,
  waitingForCustomer,
} from './api/tickets';
import { firstPageOf, queueOf } from './pages/staff/queues';

// Route loaders: they run while the page's code downloads, so a page renders once with its data
// instead of code, then spinner, then one request after the other. A failed request is left to the
// page, which shows it as it always does (prefetching never throws).

export async function sessionData(): Promise<null> {
  await queryClient.prefetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
  return null;
}

/**
 * A customer's home shows first what waits for them: fetched with the page's code, the list is there
 * when the page first paints, instead of arriving after and pushing the desks down the screen.
 */
export async function homeData(): Promise<null> {
  const session = await queryClient
    .fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 })
    .catch(() => null);
  if (session?.user?.role !== 'customer') return null;
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: ticketKeys.list(waitingForCustomer),
      queryFn: () => listTickets(waitingForCustomer),
    }),
    queryClient.prefetchQuery({ queryKey: requestTypesKey, queryFn: fetchRequestTypes, staleTime: 60_000 }),
  ]);
  return null;
}

/** A queue opens with its first page, fetched with the page's code (QueuePage asks for the same). */
export async function queueData({ params }: LoaderFunctionArgs): Promise<null> {
  const session = await queryClient
    .fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 })
    .catch(() => null);
  if (!session?.user || session.user.role === 'customer') return null;
  const filters = firstPageOf(queueOf(params.queue));
  await queryClient.prefetchInfiniteQuery(ticketPages(filters));
  return null;
}

export async function customerTicketData({ params }: LoaderFunctionArgs): Promise<null> {
  const id = params.id ?? '';
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: ticketKeys.sla(id), queryFn: () => getTicketSla(id) }),
    // The commitment panel names the criticality in the company's words (its commitments).
    queryClient.prefetchQuery({ queryKey: commitmentsKey, queryFn: fetchCommitments }),
    ...ticketAndConversation(id),
  ]);
  return null;
}

export async function staffTicketData({ params }: LoaderFunctionArgs): Promise<null> {
  const id = params.id ?? '';
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: ticketKeys.sla(id), queryFn: () => getStaffSla(id) }),
    ...ticketAndConversation(id),
  ]);
  return null;
}

function ticketAndConversation(id: string): Promise<void>[] {
  return [
    queryClient.prefetchQuery({ queryKey: ticketKeys.detail(id), queryFn: () => getTicket(id) }),
    queryClient.prefetchQuery({
      queryKey: ticketKeys.timeline(id, i18next.language),
      queryFn: () => getTimeline(id),
    }),
    queryClient.prefetchQuery({ queryKey: ticketKeys.attachments(id), queryFn: () => getAttachments(id) }),
  ];
}

import i18next from 'i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { queryClient } from './api/query-client';
import { fetchSession, sessionKey } from './api/session';
import { fetchTicketSla } from './api/sla';
import { getSla, getTicket } from './api/staff-tickets';
import {
  attachmentsKey,
  fetchAttachments,
  fetchTicket,
  fetchTimeline,
  ticketKey,
  timelineKey,
} from './api/tickets';

// Route loaders: they run while the page's code downloads, so a page renders once with its data
// instead of code, then spinner, then one request after the other. A failed request is left to the
// page, which shows it as it always does (prefetching never throws).

export async function sessionData(): Promise<null> {
  await queryClient.prefetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
  return null;
}

export async function customerTicketData({ params }: LoaderFunctionArgs): Promise<null> {
  const id = params.id ?? '';
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: ticketKey(id), queryFn: () => fetchTicket(id) }),
    queryClient.prefetchQuery({ queryKey: ['ticket-sla', id], queryFn: () => fetchTicketSla(id) }),
    ...conversation(id),
  ]);
  return null;
}

export async function staffTicketData({ params }: LoaderFunctionArgs): Promise<null> {
  const id = params.id ?? '';
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: ['staff-ticket', id], queryFn: () => getTicket(id) }),
    queryClient.prefetchQuery({ queryKey: ['staff-sla', id], queryFn: () => getSla(id) }),
    ...conversation(id),
  ]);
  return null;
}

function conversation(id: string): Promise<void>[] {
  return [
    queryClient.prefetchQuery({
      queryKey: [...timelineKey(id), i18next.language],
      queryFn: () => fetchTimeline(id),
    }),
    queryClient.prefetchQuery({ queryKey: attachmentsKey(id), queryFn: () => fetchAttachments(id) }),
  ];
}

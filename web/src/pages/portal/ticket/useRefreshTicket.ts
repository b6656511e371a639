import { useQueryClient } from '@tanstack/react-query';
import { ticketKey } from '../../../api/tickets';
import { attachmentsKey, timelineKey } from '../../../components/timeline/TicketTimeline';

export function useRefreshTicket(id: string) {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: ticketKey(id) }),
      client.invalidateQueries({ queryKey: timelineKey(id) }),
      client.invalidateQueries({ queryKey: attachmentsKey(id) }),
      client.invalidateQueries({ queryKey: ['ticket-sla', id] }),
      client.invalidateQueries({ queryKey: ['tickets'] }),
    ]);
  };
}

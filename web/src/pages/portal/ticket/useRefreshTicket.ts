import { useQueryClient } from '@tanstack/react-query';
import { ticketKey } from '../../../api/tickets';

export function useRefreshTicket(id: string) {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: ticketKey(id) }),
      client.invalidateQueries({ queryKey: ['timeline', id] }),
      client.invalidateQueries({ queryKey: ['attachments', id] }),
      client.invalidateQueries({ queryKey: ['ticket-sla', id] }),
      client.invalidateQueries({ queryKey: ['tickets'] }),
    ]);
  };
}

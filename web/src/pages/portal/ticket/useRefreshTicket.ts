import { useQueryClient } from '@tanstack/react-query';
import { ticketKeys } from '../../../api/tickets';

export function useRefreshTicket(id: string) {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: ticketKeys.one(id) }),
      client.invalidateQueries({ queryKey: ticketKeys.lists() }),
    ]);
  };
}

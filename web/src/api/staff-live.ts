import { useEffect, useRef } from 'react';
import type { TicketChangedEventDto } from '../../../src/http/schemas/live';

export type TicketChanged = TicketChangedEventDto;

/**
 * Calls `onChange` for every ticket change the server announces (server-sent events on
 * /api/live/tickets). The browser reconnects by itself after a network loss.
 */
export function useLiveTickets(onChange: (event: TicketChanged) => void): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/live/tickets');
    const listener = (message: MessageEvent<string>) => {
      try {
        handler.current(JSON.parse(message.data) as TicketChanged);
      } catch {
        // A malformed event is ignored: the next one or a reload brings the truth.
      }
    };
    source.addEventListener('ticket-changed', listener);
    return () => {
      source.removeEventListener('ticket-changed', listener);
      source.close();
    };
  }, []);
}

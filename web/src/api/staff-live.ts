import { useEffect, useRef } from 'react';
import type { TicketChangedEventDto } from '../../../src/http/schemas/live';

export type TicketChanged = TicketChangedEventDto;

type Listener = (event: TicketChanged) => void;

/**
 * One stream per tab, shared by every part of the page that listens (the bell in the header,
 * the queue, a ticket's workspace): opened by the first listener, closed with the last.
 */
const listeners = new Set<Listener>();
let source: EventSource | null = null;

function onMessage(message: MessageEvent<string>) {
  let event: TicketChanged;
  try {
    event = JSON.parse(message.data) as TicketChanged;
  } catch {
    // A malformed event is ignored: the next one or a reload brings the truth.
    return;
  }
  for (const listener of [...listeners]) listener(event);
}

function listen(listener: Listener): () => void {
  listeners.add(listener);
  if (!source) {
    source = new EventSource('/api/live/tickets');
    source.addEventListener('ticket-changed', onMessage);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.removeEventListener('ticket-changed', onMessage);
      source.close();
      source = null;
    }
  };
}

/**
 * Calls `onChange` for every ticket change the server announces (server-sent events on
 * /api/live/tickets). The browser reconnects by itself after a network loss.
 */
export function useLiveTickets(onChange: (event: TicketChanged) => void, enabled = true): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    return listen((event) => handler.current(event));
  }, [enabled]);
}

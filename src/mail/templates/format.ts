/** `[SUP-1042] Subject – what happened`: the key first, so mail clients and people sort by it. */
export function ticketSubject(ticket: { key: string; subject: string }, what: string): string {
  return `[${ticket.key}] ${ticket.subject} – ${what}`;
}

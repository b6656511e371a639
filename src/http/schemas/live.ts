import { z } from 'zod';
import { idSchema } from './common';

/** The data of one `ticket-changed` event of GET /api/live/tickets (text/event-stream). */
export const ticketChangedEventSchema = z.object({
  ticketId: idSchema,
  key: z.string(),
  status: z.string(),
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  notice: z.boolean().describe('The change brought the receiver a notice (their bell)'),
});
export type TicketChangedEventDto = z.infer<typeof ticketChangedEventSchema>;

export const liveEventName = 'ticket-changed';

export const liveStreamResponse = z
  .string()
  .describe(
    'A text/event-stream: one `ticket-changed` event per committed change of a ticket the caller may see, its data a JSON object {ticketId, key, status, actorId, actorName, notice}; comment lines keep the connection alive.',
  );

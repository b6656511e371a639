import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../app/context';

/** Inbound mail listeners (embedded SMTP, IMAP polling) started with the server. */
export async function startInboundServices(
  _ctx: AppContext,
  _log: FastifyBaseLogger,
): Promise<{ stop(): Promise<void> }> {
  return { stop: async () => undefined };
}

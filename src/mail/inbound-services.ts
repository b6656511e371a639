import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../app/context';
import type { ImapPoller } from './inbound/imap-poller';
import type { SmtpListener } from './inbound/smtp-listener';

/**
 * Inbound mail listeners started with the server: the embedded SMTP listener (INBOUND_SMTP_PORT,
 * 0 disables it) and IMAP polling when IMAP_URL is set. The webhook is a route of the HTTP server.
 */
export async function startInboundServices(
  ctx: AppContext,
  log: FastifyBaseLogger,
): Promise<{ stop(): Promise<void> }> {
  const { config } = ctx;
  const report = (msg: string, err?: unknown) => log.error({ err }, msg);
  let smtp: SmtpListener | null = null;
  // Each listener's library is loaded only when it is configured: an instance without them
  // neither loads nor keeps them in memory.
  if (config.INBOUND_SMTP_PORT > 0) {
    const { startSmtpListener } = await import('./inbound/smtp-listener');
    smtp = await startSmtpListener(ctx, {
      host: config.INBOUND_SMTP_HOST,
      port: config.INBOUND_SMTP_PORT,
      domain: config.INBOUND_DOMAIN,
      log: report,
    });
    log.info(
      `inbound SMTP listening on ${config.INBOUND_SMTP_HOST}:${smtp.port} for @${config.INBOUND_DOMAIN}`,
    );
  }
  let imap: ImapPoller | null = null;
  if (config.IMAP_URL) {
    const { startImapPoller } = await import('./inbound/imap-poller');
    imap = startImapPoller(ctx, {
      url: config.IMAP_URL,
      mailbox: config.IMAP_MAILBOX,
      intervalMs: config.IMAP_POLL_SECONDS * 1000,
      log: report,
    });
    imap.start();
    log.info(`inbound IMAP polling ${config.IMAP_MAILBOX}`);
  }
  return {
    stop: async () => {
      await imap?.stop();
      await smtp?.stop();
    },
  };
}

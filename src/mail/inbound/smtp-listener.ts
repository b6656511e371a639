import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { AppContext } from '../../app/context';
import { AppError } from '../../app/errors/index';
import { ingestMail, MAX_INBOUND_BYTES } from './ingest';

export interface SmtpListener {
  port: number;
  stop(): Promise<void>;
}

type Ingest = typeof ingestMail;

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

/**
 * The embedded SMTP listener: accepts mail for INBOUND_DOMAIN only, up to the size limit, and
 * answers 250 only once the mail is committed; a temporary failure answers 451 so the sending
 * server retries.
 */
export async function startSmtpListener(
  ctx: AppContext,
  options: {
    host: string;
    port: number;
    domain: string;
    log?: (msg: string, err?: unknown) => void;
    ingest?: Ingest;
  },
): Promise<SmtpListener> {
  const ingest = options.ingest ?? ingestMail;
  const domain = options.domain.toLowerCase();
  const server = new SMTPServer({
    banner: 'Guichet',
    logger: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_INBOUND_BYTES,
    onRcptTo(address, _session, callback) {
      const at = address.address.lastIndexOf('@');
      if (address.address.slice(at + 1).toLowerCase() !== domain) {
        callback(smtpError(550, `5.1.1 Mailbox unavailable: only @${domain} is served here`));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(smtpError(552, '5.3.4 Message too big'));
          return;
        }
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
        ingest(ctx, Buffer.concat(chunks), { via: 'smtp', envelopeTo }).then(
          () => callback(),
          (error: unknown) => {
            if (error instanceof AppError) {
              callback(smtpError(554, `5.6.0 Message refused: ${error.code}`));
              return;
            }
            options.log?.('inbound SMTP: mail not processed, sender asked to retry', error);
            callback(smtpError(451, '4.3.0 Temporary failure, please retry'));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

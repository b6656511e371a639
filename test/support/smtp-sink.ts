import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  port: number;
  url: string;
  /** Raw messages accepted, in order. */
  messages: Buffer[];
  /** Attempts refused so far. */
  refused: number;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback for delivery tests: it refuses the first `refuseFirst` messages
 * with a temporary 451 (as a greylisting server does) and keeps the ones it accepts.
 */
export async function startSmtpSink(options: { refuseFirst?: number } = {}): Promise<SmtpSink> {
  const sink: SmtpSink = { port: 0, url: '', messages: [], refused: 0, close: async () => undefined };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (sink.refused < (options.refuseFirst ?? 0)) {
          sink.refused += 1;
          const error = Object.assign(new Error('Greylisted, try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        sink.messages.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

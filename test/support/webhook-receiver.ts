import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One request the receiver got, with its body as bytes turned text (what the signature covers). */
export interface ReceivedWebhook {
  delivery: string;
  event: string;
  signature: string;
  body: string;
  json: { id: string; event: string; createdAt: string; data: Record<string, unknown> };
}

/**
 * What the receiver answers to a request: a status, or `hold` to keep the request open until
 * `release` is called (a receiver that is slow while the sender dies).
 */
export type Answer = number | 'hold';

export interface WebhookReceiver {
  /** https://127.0.0.1:<port>/hook */
  url: string;
  /** The self-signed certificate, for WEBHOOK_CA_FILE. */
  caFile: string;
  received: ReceivedWebhook[];
  /** Decides each answer (200 by default). */
  answer(next: (request: ReceivedWebhook, index: number) => Answer): void;
  /** Answers the held requests with `status` (those whose sender died get nothing). */
  release(status?: number): void;
  /** Resolves once `count` requests have come in. */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A self-signed certificate for 127.0.0.1 and localhost in `dir` (made by openssl unless already
 * there), so a sender trusts the receiver only through WEBHOOK_CA_FILE.
 */
export function webhookCertificate(dir: string): { keyFile: string; caFile: string } {
  const keyFile = join(dir, 'key.pem');
  const caFile = join(dir, 'cert.pem');
  if (existsSync(keyFile) && existsSync(caFile)) return { keyFile, caFile };
  mkdirSync(dir, { recursive: true });
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      caFile,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  return { keyFile, caFile };
}

/**
 * A loopback HTTPS receiver with a certificate made for this run (or the one kept in `dir`, which
 * a server started beforehand was told to trust).
 */
export async function webhookReceiver(options: { dir?: string } = {}): Promise<WebhookReceiver> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'guichet-webhook-'));
  const { keyFile, caFile } = webhookCertificate(dir);
  const received: ReceivedWebhook[] = [];
  const held: ServerResponse[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let decide: (request: ReceivedWebhook, index: number) => Answer = () => 200;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => String(req.headers[name] ?? '');
      const one: ReceivedWebhook = {
        delivery: header('guichet-delivery'),
        event: header('guichet-event'),
        signature: header('guichet-signature'),
        body,
        json: JSON.parse(body) as ReceivedWebhook['json'],
      };
      received.push(one);
      const answer = decide(one, received.length - 1);
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      if (answer === 'hold') {
        held.push(res);
        return;
      }
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'not now');
    });
  };
  const server: Server = createServer({ key: readFileSync(keyFile), cert: readFileSync(caFile) }, handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/hook`,
    caFile,
    received,
    answer: (next) => {
      decide = next;
    },
    release: (status = 200) => {
      for (const res of held.splice(0)) if (!res.destroyed) res.writeHead(status).end('ok');
    },
    waitFor: (count) =>
      received.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: async () => {
      for (const res of held.splice(0)) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The receiver's side of the signature, written from the README's description and not from the
 * server's code: HMAC-SHA256 of "<t>.<body>" under the secret, hex, in `v1`.
 */
export function signatureIsValid(secret: string, header: string, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest('hex');
  return expected === match[2];
}

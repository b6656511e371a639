import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import type { LookupFunction } from 'node:net';
import { rootCertificates } from 'node:tls';
import { allowedAddresses } from './address-guard';

export interface WebhookRequest {
  url: string;
  allowPrivateNetwork: boolean;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** The receiver's answer, or why none came (refused address, connection error, timeout). */
export type WebhookResponse = { statusCode: number; error: null } | { statusCode: null; error: string };

/**
 * The connection settings of webhook deliveries: the system's certificate authorities, plus those
 * of WEBHOOK_CA_FILE (an in-house authority, a test's self-signed receiver) when it is set.
 */
export function webhookAgent(caFile: string | undefined): Agent {
  const extra = caFile ? [readFileSync(caFile, 'utf8')] : [];
  return new Agent({ ca: [...rootCertificates, ...extra], keepAlive: false });
}

/**
 * POSTs one delivery over HTTPS. The host is resolved here and every connection goes to an address
 * that passed the guard, so a name cannot resolve to a public address at registration and to an
 * inward one when sent. Redirects are not followed; the response body is read and dropped.
 */
export function postWebhook(agent: Agent, req: WebhookRequest): Promise<WebhookResponse> {
  const url = new URL(req.url);
  if (url.protocol !== 'https:')
    return Promise.resolve({ statusCode: null, error: 'only https:// is delivered' });
  const guarded: LookupFunction = (hostname, _options, callback) => {
    allowedAddresses(hostname, req.allowPrivateNetwork).then(
      (found) => {
        const first = found[0];
        if (!first) callback(new Error(`${hostname} has no address`), '', 4);
        else callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, '', 4),
    );
  };
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: WebhookResponse) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    // A literal address never goes through `lookup`: check it before connecting.
    allowedAddresses(url.hostname, req.allowPrivateNetwork).then(
      () => {
        const outgoing = request(
          url,
          {
            method: 'POST',
            agent,
            lookup: guarded,
            headers: { ...req.headers, 'content-length': Buffer.byteLength(req.body).toString() },
            signal: AbortSignal.timeout(req.timeoutMs),
          },
          (response) => {
            response.resume();
            response.on('end', () => done({ statusCode: response.statusCode ?? 0, error: null }));
            response.on('error', (error) => done({ statusCode: null, error: error.message }));
          },
        );
        outgoing.on('error', (error) =>
          done({
            statusCode: null,
            error:
              error.name === 'AbortError' || error.name === 'TimeoutError'
                ? `no answer within ${req.timeoutMs} ms`
                : error.message,
          }),
        );
        outgoing.end(req.body);
      },
      (error: Error) => done({ statusCode: null, error: error.message }),
    );
  });
}

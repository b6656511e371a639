import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature: `Guichet-Signature: t=<unix seconds>,v1=<hex>`. */
export const signatureHeader = 'Guichet-Signature';
/** The delivery's id, the same on every attempt: the receiver's idempotency key. */
export const deliveryHeader = 'Guichet-Delivery';
export const eventHeader = 'Guichet-Event';

/** A new endpoint's signing secret, shown to the administrator once. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * HMAC-SHA256, keyed with the endpoint's secret, over `<t>.<body>`: the timestamp is signed with
 * the body so a captured request cannot be replayed later with a fresh timestamp.
 */
export function signPayload(secret: string, unixSeconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/**
 * What a receiver does (documented in the README): recompute the signature of `<t>.<body>` and
 * compare in constant time, refusing timestamps older than `toleranceSeconds`.
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(
    header.split(',').map((part) => {
      const [key = '', ...value] = part.trim().split('=');
      return [key, value.join('=')] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = signPayload(secret, t, body).split('v1=')[1] ?? '';
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

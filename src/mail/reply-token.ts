import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed reply addresses (R11): every mail about a ticket carries `Reply-To:
 * reply+<ticket>.<signature>@<domain>`, so an answer lands on its ticket without trusting the subject.
 * The signature is an HMAC-SHA256 of the ticket id, truncated to 16 bytes and written in base64url;
 * a reader cannot forge an address for another ticket without the instance secret.
 *
 * The local part stays within the 64 characters SMTP allows: "reply+" (6) + a UUID without dashes (32)
 * + "." + 22 characters of signature = 61.
 */
const SIGNATURE_BYTES = 16;
const PREFIX = 'reply+';
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const OTHER_ID = /^[A-Za-z0-9-]{1,32}$/;

export function replyAddress(secret: string, ticketId: string, domain: string): string {
  const compact = compactId(ticketId);
  return `${PREFIX}${compact}.${sign(secret, compact)}@${domain}`;
}

/**
 * The ticket id an address was signed for, or null when it is not a reply address or the signature
 * does not match. Accepts a bare address or a `Name <address>` form; the domain is not checked here
 * (the caller decides which domains it serves).
 */
export function parseReplyAddress(secret: string, address: string): string | null {
  const bare = bareAddress(address);
  const at = bare.lastIndexOf('@');
  const local = at >= 0 ? bare.slice(0, at) : bare;
  if (local.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return null;
  const token = local.slice(PREFIX.length);
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const compact = token.slice(0, dot);
  const given = token.slice(dot + 1);
  if (!OTHER_ID.test(compact)) return null;
  const normalised = compactId(compact);
  const expected = Buffer.from(sign(secret, normalised));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return expandId(normalised);
}

function sign(secret: string, compact: string): string {
  return createHmac('sha256', secret)
    .update(`guichet-reply:${compact}`)
    .digest()
    .subarray(0, SIGNATURE_BYTES)
    .toString('base64url');
}

/** UUIDs lose their dashes and are lower-cased; other ids are kept as they are. */
function compactId(ticketId: string): string {
  if (UUID.test(ticketId)) return ticketId.replaceAll('-', '').toLowerCase();
  if (!OTHER_ID.test(ticketId)) throw new Error(`ticket id unfit for a reply address: ${ticketId}`);
  return ticketId;
}

function expandId(compact: string): string {
  if (/^[0-9a-f]{32}$/.test(compact)) {
    return `${compact.slice(0, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}-${compact.slice(16, 20)}-${compact.slice(20)}`;
  }
  return compact;
}

function bareAddress(address: string): string {
  const angle = /<([^>]*)>/.exec(address);
  return (angle?.[1] ?? address).trim();
}

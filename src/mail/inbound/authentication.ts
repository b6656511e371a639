import type { ParsedMail } from './parse';

/**
 * Did the receiving MTA authenticate the sender's domain (RFC 8601)? Only the topmost
 * Authentication-Results header is read, and only when it carries the authserv-id of the MTA we
 * trust (INBOUND_TRUSTED_AUTHSERV_ID): headers further down were written before that MTA received
 * the mail, so anyone could have written them. Passing means DMARC pass, or else SPF or DKIM pass
 * for the domain of the From address.
 */
export function senderAuthenticated(
  mail: Pick<ParsedMail, 'headers' | 'from'>,
  trustedAuthservId: string | undefined,
): boolean {
  if (!trustedAuthservId || !mail.from) return false;
  const topmost = mail.headers['authentication-results']?.[0];
  if (!topmost) return false;
  const results = parseAuthenticationResults(topmost);
  if (!results || results.authservId.toLowerCase() !== trustedAuthservId.toLowerCase()) return false;
  const fromDomain = mail.from.address.slice(mail.from.address.lastIndexOf('@') + 1).toLowerCase();
  const aligned = (value: string | undefined) => {
    const domain = value?.slice(value.lastIndexOf('@') + 1).toLowerCase();
    return domain === fromDomain;
  };
  return results.methods.some(
    (m) =>
      m.result === 'pass' &&
      (m.method === 'dmarc' ||
        (m.method === 'spf' && aligned(m.properties['smtp.mailfrom'])) ||
        (m.method === 'dkim' && (aligned(m.properties['header.d']) || aligned(m.properties['header.i'])))),
  );
}

export interface AuthenticationResults {
  authservId: string;
  methods: { method: string; result: string; properties: Record<string, string> }[];
}

/** `mx.example.com; spf=pass smtp.mailfrom=a@b.ch; dkim=pass header.d=b.ch` → its parts. */
export function parseAuthenticationResults(value: string): AuthenticationResults | null {
  const withoutComments = value.replace(/\([^()]*\)/g, ' ');
  const [head, ...rest] = withoutComments.split(';');
  const authservId = head?.trim().split(/\s+/)[0];
  if (!authservId) return null;
  const methods = rest.flatMap((part) => {
    const match = /^\s*([a-z0-9_-]+)\s*=\s*([a-z]+)\b(.*)$/is.exec(part);
    if (!match) return [];
    const properties: Record<string, string> = {};
    for (const [, key, raw] of (match[3] ?? '').matchAll(
      /([a-z0-9_-]+\.[a-z0-9_-]+)\s*=\s*("[^"]*"|\S+)/gi,
    )) {
      properties[(key as string).toLowerCase()] = (raw as string).replace(/^"|"$/g, '');
    }
    return [
      {
        method: (match[1] as string).toLowerCase(),
        result: (match[2] as string).toLowerCase(),
        properties,
      },
    ];
  });
  return { authservId, methods };
}

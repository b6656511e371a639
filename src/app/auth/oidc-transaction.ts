import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * What the callback needs to check the provider's answer (state, nonce, PKCE verifier), kept in the
 * browser between the two legs as a sealed cookie: encrypted and authenticated with the server's
 * secret, so it can neither be read nor forged, and valid for a few minutes only. No table to purge,
 * and any instance behind a balancer can finish a sign-in another one started.
 */
export interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go once signed in (a path inside the portal). */
  next: string;
  expiresAt: number;
}

export const oidcTransactionMinutes = 10;

const keyOf = (secret: string) => createHash('sha256').update(`guichet/oidc-transaction/${secret}`).digest();

export function sealTransaction(transaction: OidcTransaction, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(transaction), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The transaction, or null when the cookie was altered, sealed with another secret, or is stale. */
export function openTransaction(sealed: string, secret: string, now: Date): OidcTransaction | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const transaction = JSON.parse(text) as OidcTransaction;
    return transaction.expiresAt > now.getTime() ? transaction : null;
  } catch {
    return null;
  }
}

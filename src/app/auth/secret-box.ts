import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals short secrets (authenticator keys) with AES-256-GCM under a key derived from the instance
 * secret, so a copy of the database alone does not give away anyone's second factor. Changing the
 * instance secret makes sealed values unreadable: their owners then sign in with a recovery code.
 */
function keyOf(instanceSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', instanceSecret, 'guichet', purpose, 32));
}

export function seal(instanceSecret: string, purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(instanceSecret, purpose), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

/** The sealed value, or null when it was sealed under another secret or altered. */
export function unseal(instanceSecret: string, purpose: string, sealed: string): string | null {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(instanceSecret, purpose), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

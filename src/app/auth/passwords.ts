import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 iterations): slow for an attacker, ~30 ms for us.
const options = {
  algorithm: 2 /* Algorithm.Argon2id, a const enum */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Without a hash we still spend the same time, so response timing does not reveal accounts.
  if (!passwordHash) {
    await hash(password, options);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

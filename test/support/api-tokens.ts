import type { FastifyInstance } from 'fastify';
import { TestClient } from './app';

/**
 * A client calling as a program with a fresh token of this user (made through the API, as the
 * person would in their profile), with the scopes given.
 */
export async function tokenClient(
  app: FastifyInstance,
  email: string,
  scopes: string[],
  kind: 'personal' | 'integration' = 'personal',
): Promise<{ client: TestClient; token: string; id: string }> {
  const owner = new TestClient(app);
  await owner.login(email);
  const path = kind === 'personal' ? '/api/api-tokens' : '/api/admin/api-tokens';
  const created = await owner.post(path, { name: `token ${scopes.join(' ')}`, scopes, expiresInDays: 30 });
  if (created.statusCode !== 201) throw new Error(`token for ${email} not created: ${created.body}`);
  const { token, item } = created.json() as { token: string; item: { id: string } };
  return { client: new TestClient(app).withToken(token), token, id: item.id };
}

import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { settings } from '../db/schema/index';

export async function readSetting<T>(db: DbOrTx, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key)).limit(1);
  return row?.value as T | undefined;
}

export async function writeSetting(
  db: DbOrTx,
  key: string,
  value: unknown,
  now: Date,
  updatedBy: string | null = null,
): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedAt: now, updatedBy })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, updatedBy } });
}

/**
 * The secret that signs reply addresses and links. From SESSION_SECRET when set; otherwise made
 * once and kept in the database, so every instance sharing it agrees without configuration.
 */
export async function instanceSecret(db: DbOrTx, configured: string, now: Date): Promise<string> {
  if (configured) return configured;
  const existing = await readSetting<string>(db, 'instance.secret');
  if (existing) return existing;
  await db
    .insert(settings)
    .values({ key: 'instance.secret', value: randomBytes(32).toString('hex'), updatedAt: now })
    .onConflictDoNothing();
  return (await readSetting<string>(db, 'instance.secret')) ?? '';
}

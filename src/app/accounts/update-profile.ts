import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import type { Language } from '../../i18n/language';
import { announceAccountChangedHere } from '../auth/session-ended';
import type { Actor, AppContext } from '../context';
import { getProfile, type Profile } from './get-profile';

export interface UpdateProfileInput {
  name?: string;
  phone?: string | null;
  language?: Language;
  notificationEmail?: string | null;
}

/** A person edits their own name, phone, language and where notifications go. */
export async function updateProfile(
  ctx: AppContext,
  actor: Actor,
  input: UpdateProfileInput,
): Promise<Profile> {
  const changes: Partial<typeof users.$inferInsert> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.phone !== undefined) changes.phone = input.phone;
  if (input.language !== undefined) changes.language = input.language;
  if (input.notificationEmail !== undefined) {
    changes.notificationEmail = input.notificationEmail?.trim().toLowerCase() || null;
  }
  if (Object.keys(changes).length > 0) {
    await ctx.db.update(users).set(changes).where(eq(users.id, actor.userId));
    announceAccountChangedHere(actor.userId);
  }
  return getProfile(ctx, actor);
}

import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import type { Language } from '../../i18n/language';
import { announceAccountChangedHere } from '../auth/session-ended';
import type { Actor, AppContext } from '../context';

/** A signed-in person chooses the language of the portal and of their mails. */
export async function chooseLanguage(ctx: AppContext, actor: Actor, language: Language): Promise<void> {
  await ctx.db.update(users).set({ language }).where(eq(users.id, actor.userId));
  announceAccountChangedHere(actor.userId);
}

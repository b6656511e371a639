import { asc } from 'drizzle-orm';
import { escalationLevels } from '../../db/schema/content';
import type { Language } from '../../i18n/language';
import type { Actor, AppContext } from '../context';
import { authorize, policy } from '../policy';

export type EscalationLevel = typeof escalationLevels.$inferSelect;
type Localized = Record<Language, string>;

export interface EscalationLevelInput {
  role: Localized;
  contactName: string;
  email?: string | null;
  phone?: string | null;
  whenToUse: Localized;
}

/** The escalation matrix, first level first. Every signed-in person may read it (R2). */
export async function getEscalationMatrix(ctx: AppContext, _actor: Actor): Promise<EscalationLevel[]> {
  return ctx.db.select().from(escalationLevels).orderBy(asc(escalationLevels.position));
}

/**
 * Staff: replaces the whole matrix at once. The order of `levels` is the escalation order, so a
 * reader never sees a half-edited list.
 */
export async function replaceEscalationMatrix(
  ctx: AppContext,
  actor: Actor,
  input: { levels: EscalationLevelInput[] },
): Promise<EscalationLevel[]> {
  authorize(policy.workAsStaff(actor));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await tx.delete(escalationLevels);
    if (input.levels.length === 0) return [];
    return tx
      .insert(escalationLevels)
      .values(
        input.levels.map((level, index) => ({
          position: index + 1,
          roleFr: level.role.fr,
          roleDe: level.role.de,
          roleEn: level.role.en,
          contactName: level.contactName,
          email: level.email || null,
          phone: level.phone || null,
          whenFr: level.whenToUse.fr,
          whenDe: level.whenToUse.de,
          whenEn: level.whenToUse.en,
          updatedAt: now,
          updatedBy: actor.userId,
        })),
      )
      .returning()
      .then((rows) => rows.sort((a, b) => a.position - b.position));
  });
}

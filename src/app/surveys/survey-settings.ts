/** What admins set about the satisfaction survey; closings read it through tickets/survey-invitation.ts. */
import type { Actor, AppContext } from '../context';
import { authorize, policy } from '../policy';
import { writeSetting } from '../settings';
import { type SurveySettings, surveySettings, surveySettingsKey } from '../tickets/survey-invitation';

export async function getSurveySettings(ctx: AppContext, actor: Actor): Promise<SurveySettings> {
  authorize(policy.readAdministration(actor));
  return surveySettings(ctx.db);
}

/** Applies to the closings to come; surveys already issued can still be answered. */
export async function saveSurveySettings(
  ctx: AppContext,
  actor: Actor,
  input: SurveySettings,
): Promise<SurveySettings> {
  authorize(policy.administer(actor));
  const value = { enabled: input.enabled, afterAutomaticClosing: input.afterAutomaticClosing };
  await writeSetting(ctx.db, surveySettingsKey, value, ctx.clock.now(), actor.userId);
  return value;
}

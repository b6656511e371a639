import type { DbOrTx } from '../../db/client';
import type { Actor, AppContext } from '../context';
import { authorize, policy } from '../policy';
import { readSetting, writeSetting } from '../settings';

/** Set by an admin: whether closings invite the requester to the satisfaction survey. */
export const surveySettingsKey = 'surveys.policy';

export interface SurveySettings {
  /** Off: no closing invites to a survey, by mail or in the portal. */
  enabled: boolean;
  /** Off: the automatic closings for lack of answer (R9) do not invite; other closings still do. */
  afterAutomaticClosing: boolean;
}

const defaults: SurveySettings = { enabled: true, afterAutomaticClosing: true };

export async function surveySettings(db: DbOrTx): Promise<SurveySettings> {
  const stored = await readSetting<Partial<SurveySettings>>(db, surveySettingsKey);
  return {
    enabled: stored?.enabled ?? defaults.enabled,
    afterAutomaticClosing: stored?.afterAutomaticClosing ?? defaults.afterAutomaticClosing,
  };
}

/** Whether a closing, by a person or automatic (R9), invites the requester to the survey. */
export async function closingInvitesToSurvey(db: DbOrTx, automatic: boolean): Promise<boolean> {
  const settings = await surveySettings(db);
  return settings.enabled && (!automatic || settings.afterAutomaticClosing);
}

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

import type { DbOrTx } from '../../db/client';
import { readSetting } from '../settings';

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

import { Checkbox, Text } from '@mantine/core';
import { fetchSurveySettings, saveSurveySettings } from '../../api/surveys';
import { useStaffT } from '../staff/i18n';
import { SettingsCard } from './SettingsCard';

/** Whether closings invite the requester to the satisfaction survey, automatic closings included. */
export function SurveySettings() {
  const { st } = useStaffT();
  return (
    <SettingsCard
      id="survey-settings-title"
      title={st('admin.surveys.title')}
      queryKey={['admin-surveys']}
      load={fetchSurveySettings}
      save={saveSurveySettings}
      saved={st('admin.surveys.saved')}
      refetchOnSave
    >
      {(draft, setDraft) => (
        <>
          <Checkbox
            label={st('admin.surveys.enabled')}
            checked={draft.enabled}
            onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })}
          />
          <Checkbox
            label={st('admin.surveys.afterAutomaticClosing')}
            checked={draft.enabled && draft.afterAutomaticClosing}
            disabled={!draft.enabled}
            onChange={(e) => setDraft({ ...draft, afterAutomaticClosing: e.currentTarget.checked })}
          />
          <Text size="sm" c="dimmed">
            {st('admin.surveys.help')}
          </Text>
        </>
      )}
    </SettingsCard>
  );
}

import { Group, NumberInput, Stack } from '@mantine/core';
import { getAutoClose, putAutoClose } from '../../api/staff-admin';
import { useStaffT } from '../staff/i18n';
import { usePageTitle } from '../usePageTitle';
import { RetentionSettings } from './RetentionSettings';
import { SettingsCard } from './SettingsCard';
import { StorageQuotaSettings } from './StorageQuotaSettings';
import { SurveySettings } from './SurveySettings';
import { TwoFactorPolicySettings } from './TwoFactorPolicySettings';

const delays = ['reminder1Days', 'reminder2Days', 'closeDays'] as const;

/** R9 delays: reminders and automatic closing of tickets waiting on the customer. */
export default function SettingsAdminPage() {
  const { st } = useStaffT();
  usePageTitle(st('admin.autoClose.title'));
  return (
    <Stack gap="lg">
      <SettingsCard
        id="auto-close-title"
        title={st('admin.autoClose.title')}
        queryKey={['admin-auto-close']}
        load={getAutoClose}
        save={putAutoClose}
        saved={st('admin.autoClose.saved')}
      >
        {(draft, setDraft) => (
          <Group>
            {delays.map((key) => (
              <NumberInput
                key={key}
                label={st(`admin.autoClose.${key}`)}
                min={1}
                max={365}
                value={draft[key]}
                onChange={(v) => setDraft({ ...draft, [key]: Number(v) })}
                w={220}
              />
            ))}
          </Group>
        )}
      </SettingsCard>
      <StorageQuotaSettings />
      <RetentionSettings />
      <TwoFactorPolicySettings />
      <SurveySettings />
    </Stack>
  );
}

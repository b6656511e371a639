import { Checkbox, Text } from '@mantine/core';
import { fetchTwoFactorPolicy, saveTwoFactorPolicy } from '../../api/two-factor';
import { useStaffT } from '../staff/i18n';
import { SettingsCard } from './SettingsCard';

/** Whether staff must sign in with a second factor. */
export function TwoFactorPolicySettings() {
  const { st } = useStaffT();
  return (
    <SettingsCard
      id="two-factor-policy-title"
      title={st('admin.twoFactor.title')}
      queryKey={['admin-two-factor']}
      load={fetchTwoFactorPolicy}
      save={saveTwoFactorPolicy}
      saved={st('admin.twoFactor.saved')}
      refetchOnSave
    >
      {(draft, setDraft) => (
        <>
          <Checkbox
            label={st('admin.twoFactor.requiredForStaff')}
            checked={draft.requiredForStaff}
            onChange={(e) => setDraft({ requiredForStaff: e.currentTarget.checked })}
          />
          <Text size="sm" c="dimmed">
            {st('admin.twoFactor.help')}
          </Text>
        </>
      )}
    </SettingsCard>
  );
}

import { NumberInput, Text } from '@mantine/core';
import { getStorageQuota, putStorageQuota } from '../../api/staff-admin';
import { useStaffT } from '../staff/i18n';
import { SettingsCard } from './SettingsCard';

/** The attachment storage each customer company may use. */
export function StorageQuotaSettings() {
  const { st } = useStaffT();
  return (
    <SettingsCard
      id="storage-quota-title"
      title={st('admin.storage.title')}
      queryKey={['admin-storage-quota']}
      load={getStorageQuota}
      save={putStorageQuota}
      saved={st('admin.storage.saved')}
    >
      {(draft, setDraft) => (
        <>
          <NumberInput
            label={st('admin.storage.quotaMb')}
            min={1}
            max={10_000_000}
            allowDecimal={false}
            value={draft.companyQuotaMb}
            onChange={(v) => setDraft({ companyQuotaMb: Number(v) })}
            w={260}
          />
          <Text size="sm" c="dimmed">
            {st('admin.storage.help')}
          </Text>
        </>
      )}
    </SettingsCard>
  );
}

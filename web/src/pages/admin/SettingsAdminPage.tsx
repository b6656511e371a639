import { Button, Card, Group, NumberInput, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type AutoClose, getAutoClose, putAutoClose } from '../../api/staff-admin';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { useAdminMutation } from '../../components/useAdminMutation';
import { useStaffT } from '../staff/i18n';
import { usePageTitle } from '../usePageTitle';
import { RetentionSettings } from './RetentionSettings';
import { StorageQuotaSettings } from './StorageQuotaSettings';
import { TwoFactorPolicySettings } from './TwoFactorPolicySettings';

/** R9 delays: reminders and automatic closing of tickets waiting on the customer. */
export default function SettingsAdminPage() {
  const { st } = useStaffT();
  usePageTitle(st('admin.autoClose.title'));
  const query = useQuery({ queryKey: ['admin-auto-close'], queryFn: getAutoClose });
  const [draft, setDraft] = useState<AutoClose | null>(null);
  useEffect(() => {
    if (query.data) setDraft(query.data);
  }, [query.data]);
  const save = useAdminMutation({
    mutationFn: () => putAutoClose(draft as AutoClose),
    success: st('admin.autoClose.saved'),
  });
  if (!draft) return <PageLoader />;
  const field = (key: keyof AutoClose) => (
    <NumberInput
      label={st(`admin.autoClose.${key}`)}
      min={1}
      max={365}
      value={draft[key]}
      onChange={(v) => setDraft({ ...draft, [key]: Number(v) })}
      w={220}
    />
  );
  return (
    <Stack gap="lg">
      <Card withBorder component="section" aria-labelledby="auto-close-title">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="sm">
            <Title order={2} size="h3" id="auto-close-title">
              {st('admin.autoClose.title')}
            </Title>
            <Group>
              {field('reminder1Days')}
              {field('reminder2Days')}
              {field('closeDays')}
            </Group>
            <FormAlert message={save.error?.message ?? null} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {st('admin.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <StorageQuotaSettings />
      <RetentionSettings />
      <TwoFactorPolicySettings />
    </Stack>
  );
}

import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getStorageQuota, putStorageQuota } from '../../api/staff-admin';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { useAdminMutation } from '../../components/useAdminMutation';
import { useStaffT } from '../staff/i18n';

/** The attachment storage each customer company may use. */
export function StorageQuotaSettings() {
  const { st } = useStaffT();
  const query = useQuery({ queryKey: ['admin-storage-quota'], queryFn: getStorageQuota });
  const [draft, setDraft] = useState<number | null>(null);
  useEffect(() => {
    if (query.data) setDraft(query.data.companyQuotaMb);
  }, [query.data]);
  const save = useAdminMutation({
    mutationFn: () => putStorageQuota({ companyQuotaMb: draft ?? 1 }),
    success: st('admin.storage.saved'),
  });
  if (draft === null) return <PageLoader />;
  return (
    <Card withBorder component="section" aria-labelledby="storage-quota-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="storage-quota-title">
            {st('admin.storage.title')}
          </Title>
          <NumberInput
            label={st('admin.storage.quotaMb')}
            min={1}
            max={10_000_000}
            allowDecimal={false}
            value={draft}
            onChange={(v) => setDraft(Number(v))}
            w={260}
          />
          <Text size="sm" c="dimmed">
            {st('admin.storage.help')}
          </Text>
          <FormAlert message={save.error?.message ?? null} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {st('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

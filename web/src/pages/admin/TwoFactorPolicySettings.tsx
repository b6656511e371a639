import { Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchTwoFactorPolicy, saveTwoFactorPolicy } from '../../api/two-factor';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { useAdminMutation } from '../../components/useAdminMutation';
import { useStaffT } from '../staff/i18n';

/** Whether staff must sign in with a second factor. */
export function TwoFactorPolicySettings() {
  const { st } = useStaffT();
  const query = useQuery({ queryKey: ['admin-two-factor'], queryFn: fetchTwoFactorPolicy });
  const [required, setRequired] = useState<boolean | null>(null);
  useEffect(() => {
    if (query.data) setRequired(query.data.requiredForStaff);
  }, [query.data]);
  const save = useAdminMutation({
    mutationFn: () => saveTwoFactorPolicy({ requiredForStaff: required ?? false }),
    success: st('admin.twoFactor.saved'),
    invalidate: [['admin-two-factor']],
  });
  if (required === null) return <PageLoader />;
  return (
    <Card withBorder component="section" aria-labelledby="two-factor-policy-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="two-factor-policy-title">
            {st('admin.twoFactor.title')}
          </Title>
          <Checkbox
            label={st('admin.twoFactor.requiredForStaff')}
            checked={required}
            onChange={(e) => setRequired(e.currentTarget.checked)}
          />
          <Text size="sm" c="dimmed">
            {st('admin.twoFactor.help')}
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

import { Button, Card, Group, Modal, NumberInput, Radio, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getRetention, putRetention } from '../../api/staff-admin';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { useAdminMutation } from '../../components/useAdminMutation';
import { useStaffT } from '../staff/i18n';

const MIN_YEARS = 1;
const MAX_YEARS = 30;
const DEFAULT_YEARS = 10;

/**
 * How long tickets are kept before the worker closes and empties them. Emptying cannot be undone,
 * so a shorter period than the one in force is confirmed first.
 */
export function RetentionSettings() {
  const { st } = useStaffT();
  const query = useQuery({ queryKey: ['admin-retention'], queryFn: getRetention });
  const [limited, setLimited] = useState<boolean | null>(null);
  const [years, setYears] = useState(DEFAULT_YEARS);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (!query.data) return;
    setLimited(query.data.ticketYears !== null);
    setYears(query.data.ticketYears ?? DEFAULT_YEARS);
  }, [query.data]);
  const save = useAdminMutation({
    mutationFn: () => putRetention({ ticketYears: limited ? years : null }),
    success: st('admin.retention.saved'),
    invalidate: [['admin-retention']],
    onSuccess: () => setConfirming(false),
  });
  if (limited === null || !query.data) return <PageLoader />;
  const current = query.data.ticketYears;
  const shortens = limited && (current === null || years < current);
  return (
    <Card withBorder component="section" aria-labelledby="retention-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (shortens) setConfirming(true);
          else save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="retention-title">
            {st('admin.retention.title')}
          </Title>
          <Radio.Group
            label={st('admin.retention.keep')}
            value={limited ? 'years' : 'forever'}
            onChange={(value) => setLimited(value === 'years')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="forever" label={st('admin.retention.forever')} />
              <Radio value="years" label={st('admin.retention.years')} />
            </Stack>
          </Radio.Group>
          <NumberInput
            label={st('admin.retention.years')}
            min={MIN_YEARS}
            max={MAX_YEARS}
            allowDecimal={false}
            clampBehavior="strict"
            disabled={!limited}
            value={years}
            onChange={(v) => setYears(Number(v) || MIN_YEARS)}
            w={260}
          />
          <Text size="sm" c="dimmed">
            {st('admin.retention.help')}
          </Text>
          <FormAlert message={confirming ? null : (save.error?.message ?? null)} />
          <Group>
            <Button type="submit" loading={save.isPending && !confirming}>
              {st('admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={st('admin.retention.confirmTitle')}
        closeButtonProps={{ 'aria-label': st('common.close') }}
      >
        <Stack gap="md">
          <Text>{st('admin.retention.confirm', { count: years })}</Text>
          <FormAlert message={save.error?.message ?? null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {st('admin.retention.cancel')}
            </Button>
            <Button color="red" loading={save.isPending} onClick={() => save.mutate()}>
              {st('admin.retention.apply')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

import { Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getTime, logTime, ticketKeys } from '../../../api/tickets';
import { useAdminMutation } from '../../../components/useAdminMutation';
import { formatMinutes, zurichToday } from '../format';
import { useStaffT } from '../i18n';

/** Time logged on the ticket (R12), and a form to log more. */
export function TimePanel({ ticketId }: { ticketId: string }) {
  const { st } = useStaffT();
  const time = useQuery({ queryKey: ticketKeys.time(ticketId), queryFn: () => getTime(ticketId) });
  const [minutes, setMinutes] = useState<number | string>('');
  const [workDate, setWorkDate] = useState(zurichToday());
  const [note, setNote] = useState('');
  const log = useAdminMutation({
    mutationFn: () =>
      logTime(ticketId, {
        workDate,
        minutes: Number(minutes),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: () => {
      setMinutes('');
      setNote('');
      void time.refetch();
    },
    success: st('time.logged'),
    notifyError: true,
  });

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="time-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="time-title">
          {st('time.title')}
        </Title>
        {time.data && (
          <Text size="sm" data-testid="time-total">
            {st('time.total', {
              total: formatMinutes(time.data.totalMinutes),
              unbilled: formatMinutes(time.data.unbilledMinutes),
            })}
          </Text>
        )}
        {time.data && time.data.items.length > 0 && (
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('time.date')}</Table.Th>
                <Table.Th>{st('time.who')}</Table.Th>
                <Table.Th>{st('time.minutes')}</Table.Th>
                <Table.Th>{st('time.billing')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {time.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.workDate}</Table.Td>
                  <Table.Td>{e.userName}</Table.Td>
                  <Table.Td>{formatMinutes(e.minutes)}</Table.Td>
                  <Table.Td>{st(`time.billingKinds.${e.billing}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (Number(minutes) > 0) log.mutate();
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              type="date"
              label={st('time.date')}
              value={workDate}
              onChange={(e) => setWorkDate(e.currentTarget.value)}
              required
            />
            <NumberInput
              label={st('time.minutes')}
              min={1}
              max={1440}
              value={minutes}
              onChange={setMinutes}
              required
              w={120}
            />
            <TextInput
              label={st('time.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Button type="submit" variant="default" loading={log.isPending} disabled={!(Number(minutes) > 0)}>
              {st('time.log')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Card>
  );
}

import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type FlexOverview, formatMinutes } from '../../../api/flex';
import { useFormatDate } from '../shared';

/**
 * Time logged on Flex-billed requests that the next billing run will debit: shown as pending,
 * with its request, from the moment it is logged (R12).
 */
export function PendingTime({ pending }: { pending: FlexOverview['pending'] }) {
  const { t } = useTranslation();
  const format = useFormatDate();
  const total = pending.reduce((sum, p) => sum + p.minutes, 0);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="flex-pending-title">
      <Title order={2} size="h4" id="flex-pending-title" mb="xs">
        {t('portal:flex.pending.title')}
      </Title>
      {pending.length === 0 ? (
        <Text size="sm">{t('portal:flex.pending.none')}</Text>
      ) : (
        <>
          <Text size="sm" mb="sm" data-testid="flex-pending-total">
            {t('portal:flex.pending.intro', { minutes: formatMinutes(total) })}
          </Text>
          <Table.ScrollContainer minWidth={320}>
            <Table striped data-testid="flex-pending">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('portal:flex.about')}</Table.Th>
                  <Table.Th>{t('portal:flex.pending.minutes')}</Table.Th>
                  <Table.Th>{t('portal:flex.pending.lastWorked')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pending.map((p) => (
                  <Table.Tr key={p.ticket.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/tickets/${p.ticket.id}`}>
                        {p.ticket.key} · {p.ticket.subject}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatMinutes(p.minutes)}</Table.Td>
                    <Table.Td>{format(p.lastWorkDate, false)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Paper>
  );
}

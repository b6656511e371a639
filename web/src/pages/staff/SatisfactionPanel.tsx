import { Anchor, Group, Radio, SimpleGrid, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../../../../src/i18n/format';
import { getSatisfaction, type Satisfaction, satisfactionKey } from '../../api/dashboard';
import { NumbersTable, Panel } from './dashboard-parts';
import { formatDateTime } from './format';
import { useStaffT } from './i18n';

type Breakdown = 'byDesk' | 'byCriticality' | 'byAgent' | 'byCompany';
const groups: { group: Breakdown; column: string }[] = [
  { group: 'byDesk', column: 'desk' },
  { group: 'byCriticality', column: 'criticality' },
  { group: 'byAgent', column: 'agent' },
  { group: 'byCompany', column: 'company' },
];

/** Satisfaction surveys over the chosen period: per desk, criticality, agent and company, and the latest comments. */
export function SatisfactionPanel() {
  const { st, language } = useStaffT();
  const [days, setDays] = useState<30 | 90>(30);
  const query = useQuery({
    queryKey: satisfactionKey(days),
    queryFn: () => getSatisfaction(days),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const s: Satisfaction | undefined = query.data;
  const label = (row: Satisfaction[Breakdown][number]): string => {
    if ('deskLabel' in row) return row.deskLabel;
    if ('criticalityLabel' in row) return row.criticalityLabel;
    return row.name ?? st('dashboard.satisfaction.unassigned');
  };
  const mean = (v: number) => formatNumber(v, language, { maximumFractionDigits: 2 });
  return (
    <Panel id="satisfaction" title={st('dashboard.satisfaction.title')}>
      <Radio.Group
        label={st('dashboard.satisfaction.period')}
        value={String(days)}
        onChange={(v) => setDays(v === '90' ? 90 : 30)}
      >
        <Group mt={4}>
          {([30, 90] as const).map((d) => (
            <Radio key={d} value={String(d)} label={st('dashboard.satisfaction.lastDays', { days: d })} />
          ))}
        </Group>
      </Radio.Group>
      {query.error ? (
        <Text c="red" role="alert">
          {query.error.message}
        </Text>
      ) : null}
      {s ? (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {groups.map(({ group, column }) => (
              <NumbersTable
                key={group}
                caption={st(`dashboard.satisfaction.${group}`)}
                head={[
                  st(`dashboard.satisfaction.${column}`),
                  st('dashboard.satisfaction.answers'),
                  st('dashboard.satisfaction.average'),
                ]}
                rows={s[group].map((r) => [label(r), r.answers, mean(r.averageScore)])}
              />
            ))}
          </SimpleGrid>
          <Table.ScrollContainer minWidth={500}>
            <Table verticalSpacing={4} striped>
              <Table.Caption>{st('dashboard.satisfaction.comments')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{st('dashboard.satisfaction.ticket')}</Table.Th>
                  <Table.Th>{st('dashboard.satisfaction.score')}</Table.Th>
                  <Table.Th>{st('dashboard.satisfaction.answeredAt')}</Table.Th>
                  <Table.Th>{st('dashboard.satisfaction.comment')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.comments.map((c) => (
                  <Table.Tr key={c.ticketId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/staff/tickets/${c.ticketId}`}>
                        {c.ticketKey}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{st('dashboard.satisfaction.outOf5', { score: c.score })}</Table.Td>
                    <Table.Td>{formatDateTime(c.answeredAt, language)}</Table.Td>
                    <Table.Td>{c.comment}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
    </Panel>
  );
}

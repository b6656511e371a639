import { Card, List, Stack, Table, Text, Title } from '@mantine/core';
import type { StaffSla } from '../../../api/tickets';
import { DueExplanation } from '../../commitments/ExplanationTimeline';
import { formatDateTime, formatMinutes } from '../format';
import { useStaffT } from '../i18n';
import { Remaining, SlaBadge } from '../sla';

/** R7: both clocks with their due times, remaining time, at-risk and breach, and the paused intervals. */
export function SlaPanel({ sla, now }: { sla: StaffSla | undefined; now: number }) {
  const { st, language } = useStaffT();
  if (!sla) return null;
  const clocks = [
    ['engagement', sla.engagement],
    ['resolution', sla.resolution],
  ] as const;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="sla-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="sla-title">
          {st('sla.title')} <SlaBadge state={sla.state} />
        </Title>
        {!sla.applicable ? (
          <Text size="sm">{st('sla.notApplicable')}</Text>
        ) : (
          <Table withRowBorders={false} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('sla.clock')}</Table.Th>
                <Table.Th>{st('sla.target')}</Table.Th>
                <Table.Th>{st('sla.due')}</Table.Th>
                <Table.Th>{st('sla.left')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clocks.map(([name, clock]) => (
                <Table.Tr key={name}>
                  <Table.Th scope="row">
                    {st(`sla.${name}`)}{' '}
                    <SlaBadge state={clock.atRisk && clock.state === 'running' ? 'at_risk' : clock.state} />
                  </Table.Th>
                  <Table.Td>
                    {clock.targetMinutes === null ? '—' : formatMinutes(clock.targetMinutes)}
                  </Table.Td>
                  <Table.Td data-testid={`sla-${name}-due`}>{formatDateTime(clock.dueAt, language)}</Table.Td>
                  <Table.Td>
                    {clock.state === 'running' ? (
                      <Remaining dueAt={clock.dueAt} now={now} />
                    ) : clock.remainingMinutes !== null ? (
                      st('sla.businessLeft', { time: formatMinutes(clock.remainingMinutes) })
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {(['engagement', 'resolution'] as const).map((clock) => (
          <DueExplanation
            key={clock}
            explanation={sla.explanations[clock]}
            ticketId={sla.ticketId}
            clock={clock}
            criticalityLabel={(criticality) =>
              st(`labels:criticality.${criticality}`, { defaultValue: criticality })
            }
          />
        ))}
        {sla.pauses.length > 0 && (
          <>
            <Text fw={600} size="sm">
              {st('sla.pauses')}
            </Text>
            <List size="sm">
              {sla.pauses.map((p) => (
                <List.Item key={p.from}>
                  {formatDateTime(p.from, language)} →{' '}
                  {p.to ? formatDateTime(p.to, language) : st('sla.ongoing')} (
                  {st(`labels:status.${p.reason}`, { defaultValue: p.reason })})
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}

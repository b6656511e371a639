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
          // One column per clock: the panel is a third of the page, too narrow for one column per figure.
          <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('sla.clock')}</Table.Th>
                {clocks.map(([name, clock]) => (
                  <Table.Th key={name} scope="col">
                    {st(`sla.${name}`)}{' '}
                    <SlaBadge state={clock.atRisk && clock.state === 'running' ? 'at_risk' : clock.state} />
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{st('sla.target')}</Table.Th>
                {clocks.map(([name, clock]) => (
                  <Table.Td key={name}>
                    {clock.targetMinutes === null ? '—' : formatMinutes(clock.targetMinutes)}
                  </Table.Td>
                ))}
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{st('sla.due')}</Table.Th>
                {clocks.map(([name, clock]) => (
                  <Table.Td key={name} data-testid={`sla-${name}-due`}>
                    {formatDateTime(clock.dueAt, language)}
                  </Table.Td>
                ))}
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{st('sla.left')}</Table.Th>
                {clocks.map(([name, clock]) => (
                  <Table.Td key={name}>
                    {clock.state === 'running' ? (
                      <Remaining dueAt={clock.dueAt} now={now} />
                    ) : clock.remainingMinutes !== null ? (
                      st('sla.businessLeft', { time: formatMinutes(clock.remainingMinutes) })
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
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

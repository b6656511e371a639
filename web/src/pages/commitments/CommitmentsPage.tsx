import { Badge, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { useErrorText } from '../portal/shared';
import { usePageTitle } from '../usePageTitle';
import { useCommitmentsT } from './i18n';
import { useCommitments } from './useCommitments';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** "Nos engagements": the targets per criticality for the customer's company, and the rules behind them. */
export default function CommitmentsPage() {
  const { ct, business, day, clockTime } = useCommitmentsT();
  usePageTitle(ct('title'));
  const errorText = useErrorText();
  const commitments = useCommitments();
  if (commitments.isPending) return <PageLoader />;
  if (commitments.error) return <FormAlert message={errorText(commitments.error)} />;
  const c = commitments.data;
  const anyOverride = c.criticalities.some((row) => row.overridden);
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{ct('title')}</Title>
      <Text>{ct('intro')}</Text>
      <Card withBorder padding="lg" component="section" aria-labelledby="targets-title">
        <Title order={2} size="h4" id="targets-title" mb="xs">
          {ct('table.criticality')}
        </Title>
        <Table data-testid="commitments-table" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{ct('table.criticality')}</Table.Th>
              <Table.Th>{ct('table.engagement')}</Table.Th>
              <Table.Th>{ct('table.resolution')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.criticalities.map((row) => (
              <Table.Tr key={row.criticality} data-testid={`commitment-${row.criticality}`}>
                <Table.Th scope="row">
                  <Text fw={600}>{row.label}</Text>
                  <Text size="sm">{row.definition}</Text>
                  {row.overridden && (
                    <Badge variant="light" c="dark.9" radius="sm" style={{ textTransform: 'none' }}>
                      {ct('table.contract')}
                    </Badge>
                  )}
                </Table.Th>
                <Table.Td>{business(row.engagementMinutes)}</Table.Td>
                <Table.Td>{business(row.resolutionMinutes)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {anyOverride && (
          <Text size="sm" mt="xs">
            {ct('contract')}
          </Text>
        )}
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="hours-title">
        <Title order={2} size="h4" id="hours-title" mb="xs">
          {ct('hours.title')}
        </Title>
        <Table withRowBorders={false} verticalSpacing={2} data-testid="desk-hours">
          <Table.Tbody>
            {WEEKDAYS.map((weekday) => {
              const intervals = c.weeklyHours[weekday] ?? [];
              return (
                <Table.Tr key={weekday}>
                  <Table.Th scope="row">{ct(`weekdays.${weekday}`)}</Table.Th>
                  <Table.Td>
                    {intervals.length === 0
                      ? ct('hours.closed')
                      : intervals.map((i) => `${clockTime(i.start)}–${clockTime(i.end)}`).join(', ')}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Text size="sm" mt="xs">
          {ct('hours.zone')}{' '}
          {c.eveClosingMinute === null
            ? ct('hours.noEve')
            : ct('hours.eve', { time: clockTime(c.eveClosingMinute) })}
        </Text>
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="closed-title">
        <Title order={2} size="h4" id="closed-title" mb="xs">
          {ct('closedDays.title')}
        </Title>
        {c.closedDays.items.length === 0 ? (
          <Text size="sm">{ct('closedDays.none')}</Text>
        ) : (
          <List size="sm" data-testid="closed-days">
            {c.closedDays.items.map((item) => (
              <List.Item key={`${item.date}-${item.kind}`}>
                {day(item.date)}
                {item.name ? ` — ${item.name}` : ''}
                {item.kind === 'eve' && item.closesAt
                  ? ` (${ct('closedDays.eve', { time: item.closesAt })})`
                  : ''}
                {item.kind === 'special_hours'
                  ? ` (${ct('closedDays.special')}: ${(item.hours ?? []).map((h) => `${h.start}–${h.end}`).join(', ')})`
                  : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="clock-title">
        <Title order={2} size="h4" id="clock-title" mb="xs">
          {ct('clock.title')}
        </Title>
        <Text size="sm">{ct('clock.pauses')}</Text>
        <List size="sm" mb="xs">
          {c.pausingStatuses.map((status) => (
            <List.Item key={status}>{ct(`labels:status.${status}`)}</List.Item>
          ))}
        </List>
        <Text size="sm">{ct('clock.stops')}</Text>
        <List size="sm" mb="xs">
          {c.stoppingStatuses.map((status) => (
            <List.Item key={status}>{ct(`labels:status.${status}`)}</List.Item>
          ))}
        </List>
        <Text size="sm">{ct('clock.criticality')}</Text>
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="types-title">
        <Title order={2} size="h4" id="types-title" mb="xs">
          {ct('types.title')}
        </Title>
        <List size="sm">
          {c.requestTypes.map((type) => (
            <List.Item key={type.code}>
              {type.name} — {type.countsTowardSla ? ct('types.counts') : ct('types.notCounted')}
            </List.Item>
          ))}
        </List>
      </Card>
    </Stack>
  );
}

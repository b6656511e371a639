import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMonth } from '../../../../src/i18n/format';
import { ApiError } from '../../api/client';
import { fetchFlex, flexKey, formatMinutes } from '../../api/flex';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { usePageTitle } from '../usePageTitle';
import { PendingTime } from './flex/PendingTime';
import { useErrorText, useFormatDate } from './shared';

/** The Flex hour bank (R12): balance, movements linked to tickets, minutes used per month. */
export default function FlexPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('portal:flex.title'));
  const format = useFormatDate();
  const errorText = useErrorText();
  const flex = useQuery({ queryKey: flexKey, queryFn: fetchFlex });
  if (flex.isPending) return <PageLoader />;
  if (flex.error instanceof ApiError && flex.error.status === 404) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('portal:flex.title')}</Title>
        <Text>{t('portal:flex.noContract')}</Text>
      </Stack>
    );
  }
  if (flex.error) return <FormAlert message={errorText(flex.error)} />;
  const data = flex.data;
  const chart = data.perMonth.map((m) => ({
    month: formatMonth(m.month, i18n.language, { short: true }),
    hours: Math.round((m.minutes / 60) * 100) / 100,
  }));
  const overdrawn = data.overdraftMinutes > 0;
  const low = data.lowBalanceMinutes !== null && data.balanceMinutes <= data.lowBalanceMinutes;
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1}>{t('portal:flex.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="lg" radius="md">
          <Text size="sm">{t('portal:flex.balance')}</Text>
          <Text fz={32} fw={700} data-testid="flex-balance" c={low || overdrawn ? 'red.8' : undefined}>
            {formatMinutes(data.balanceMinutes)}
          </Text>
          {overdrawn ? (
            <Text size="sm" c="red.8" data-testid="flex-overdrawn">
              {t('portal:flex.overdrawn', { minutes: formatMinutes(data.overdraftMinutes) })}
            </Text>
          ) : (
            low && <Text size="sm">{t('portal:flex.low')}</Text>
          )}
        </Paper>
        <Paper withBorder p="lg" radius="md">
          <Text size="sm">{t('portal:flex.contract')}</Text>
          <Text fw={600}>{data.contract.reference}</Text>
          <Text size="sm">
            {data.contract.endsOn
              ? t('portal:flex.period', {
                  from: format(data.contract.startsOn, false),
                  to: format(data.contract.endsOn, false),
                })
              : t('portal:flex.since', { from: format(data.contract.startsOn, false) })}
          </Text>
        </Paper>
      </SimpleGrid>
      <PendingTime pending={data.pending} />
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="flex-chart-title">
        <Title order={2} size="h4" id="flex-chart-title" mb="sm">
          {t('portal:flex.perMonth')}
        </Title>
        {chart.length === 0 ? (
          <Text size="sm">{t('portal:flex.noUse')}</Text>
        ) : (
          <>
            <BarChart
              h={240}
              data={chart}
              dataKey="month"
              series={[{ name: 'hours', label: t('portal:flex.hoursUsed'), color: 'blue.8' }]}
              // Hidden from assistive technology (the table below carries the figures), so it must
              // not take keyboard focus either.
              barChartProps={{ accessibilityLayer: false }}
              aria-hidden
            />
            {/* The same figures as text, for screen readers and for reading exact values. */}
            <Table mt="sm" aria-label={t('portal:flex.perMonth')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('portal:flex.month')}</Table.Th>
                  <Table.Th>{t('portal:flex.used')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.perMonth.map((m, i) => (
                  <Table.Tr key={m.month}>
                    <Table.Td>{chart[i]?.month}</Table.Td>
                    <Table.Td>{formatMinutes(m.minutes)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="flex-movements-title">
        <Title order={2} size="h4" id="flex-movements-title" mb="sm">
          {t('portal:flex.movements')}
        </Title>
        {data.movements.length === 0 ? (
          <Text size="sm">{t('portal:flex.noMovements')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="flex-movements">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('portal:flex.date')}</Table.Th>
                  <Table.Th>{t('portal:flex.kind')}</Table.Th>
                  <Table.Th>{t('portal:flex.amount')}</Table.Th>
                  <Table.Th>{t('portal:flex.about')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.movements.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{format(m.createdAt, false)}</Table.Td>
                    <Table.Td>{t(`portal:flex.kinds.${m.kind}`)}</Table.Td>
                    <Table.Td>
                      {m.minutes > 0 ? '+' : ''}
                      {formatMinutes(m.minutes)}
                    </Table.Td>
                    <Table.Td>
                      {m.ticket ? (
                        <Anchor component={Link} to={`/tickets/${m.ticket.id}`}>
                          {m.ticket.key} · {m.ticket.subject}
                        </Anchor>
                      ) : (
                        (m.reason ?? '')
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

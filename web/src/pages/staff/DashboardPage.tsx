import i18next from 'i18next';
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Anchor, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDay, formatMonth, formatWeek } from '../../../../src/i18n/format';
import { type Dashboard, dashboardKey, getDashboard } from '../../api/dashboard';
import { PageLoader } from '../../components/guards';
import { useCommitmentsT } from '../commitments/i18n';
import { usePageTitle } from '../usePageTitle';
import { NumbersTable, Panel } from './dashboard-parts';
import { formatDateTime, formatMinutes } from './format';
import { useStaffT } from './i18n';
import { SatisfactionPanel } from './SatisfactionPanel';
import { SlaBadge } from './sla';

/** Staff dashboard: SLA compliance, backlog, tickets at risk, automatic closings, Flex consumption. */
export default function DashboardPage() {
  const { st, language } = useStaffT();
  const { ct } = useCommitmentsT();
  usePageTitle(st('dashboard.title'));
  const query = useQuery({ queryKey: dashboardKey, queryFn: getDashboard, refetchInterval: 60_000 });
  if (query.isPending) return <PageLoader />;
  if (query.error)
    return (
      <Alert color="red" role="alert">
        {query.error.message}
      </Alert>
    );
  const d: Dashboard = query.data;
  const pct = (v: number | null) => (v === null ? '—' : `${v} %`);

  const compliance = (days: 30 | 90) => d.slaCompliance.filter((r) => r.days === days);
  const months = [...new Set(d.flexConsumption.map((r) => r.month))].sort();
  const companies = [...new Set(d.flexConsumption.map((r) => r.companyName))].sort();
  const flexData = months.map((month) => ({
    month: formatMonth(month, language, { short: true }),
    ...Object.fromEntries(
      companies.map((c) => [
        c,
        d.flexConsumption.find((r) => r.month === month && r.companyName === c)?.minutes ?? 0,
      ]),
    ),
  }));
  const palette = ['blue.8', 'teal.8', 'grape.8', 'orange.8', 'cyan.8', 'pink.8', 'lime.9', 'indigo.8'];

  return (
    <Stack gap="md">
      <Title order={1}>{st('dashboard.title')}</Title>
      <Text size="sm" c="dimmed">
        {st('dashboard.generatedAt', { at: formatDateTime(d.generatedAt, language) })}
      </Text>
      <Anchor component={Link} to="/sla-report" fw={600} data-testid="sla-report-link">
        {ct('report.link')}
      </Anchor>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {([30, 90] as const).map((days) => (
          <Panel key={days} id={`sla-${days}`} title={st('dashboard.slaTitle', { days })}>
            <BarChart
              h={220}
              data={compliance(days).map((r) => ({
                criticality: r.criticalityLabel,
                met: r.met,
                breached: r.breached,
              }))}
              dataKey="criticality"
              type="stacked"
              series={[
                { name: 'met', label: st('dashboard.met'), color: 'green.8' },
                { name: 'breached', label: st('dashboard.breached'), color: 'red.8' },
              ]}
              withLegend
              barChartProps={{ accessibilityLayer: false }}
              aria-hidden
            />
            <NumbersTable
              caption={st('dashboard.slaTitle', { days })}
              head={[
                st('dashboard.criticality'),
                st('dashboard.met'),
                st('dashboard.breached'),
                st('dashboard.metPercent'),
              ]}
              rows={compliance(days).map((r) => [r.criticalityLabel, r.met, r.breached, pct(r.metPercent)])}
            />
          </Panel>
        ))}
        <Panel id="backlog-status" title={st('dashboard.backlogStatus')}>
          <BarChart
            h={220}
            data={d.backlogByStatus.map((r) => ({ status: r.statusLabel, count: r.count }))}
            dataKey="status"
            series={[{ name: 'count', label: st('dashboard.count'), color: 'blue.8' }]}
            barChartProps={{ accessibilityLayer: false }}
            aria-hidden
          />
          <NumbersTable
            caption={st('dashboard.backlogStatus')}
            head={[st('dashboard.status'), st('dashboard.count')]}
            rows={d.backlogByStatus.map((r) => [r.statusLabel, r.count])}
          />
        </Panel>
        <Panel id="backlog-age" title={st('dashboard.backlogAge')}>
          <BarChart
            h={220}
            data={d.backlogByAge.map((r) => ({ age: st(`dashboard.ages.${r.bucket}`), count: r.count }))}
            dataKey="age"
            series={[{ name: 'count', label: st('dashboard.count'), color: 'indigo.8' }]}
            barChartProps={{ accessibilityLayer: false }}
            aria-hidden
          />
          <NumbersTable
            caption={st('dashboard.backlogAge')}
            head={[st('dashboard.age'), st('dashboard.count')]}
            rows={d.backlogByAge.map((r) => [st(`dashboard.ages.${r.bucket}`), r.count])}
          />
        </Panel>
        <Panel id="auto-closings" title={st('dashboard.autoClosings')}>
          <BarChart
            h={220}
            data={d.autoClosings.map((r) => ({ ...r, week: formatDay(r.week, i18next.language) }))}
            dataKey="week"
            series={[{ name: 'count', label: st('dashboard.count'), color: 'gray.8' }]}
            barChartProps={{ accessibilityLayer: false }}
            aria-hidden
          />
          <NumbersTable
            caption={st('dashboard.autoClosings')}
            head={[st('dashboard.week'), st('dashboard.count')]}
            rows={d.autoClosings.map((r) => [formatWeek(r.week, i18next.language), r.count])}
          />
        </Panel>
        <Panel id="flex" title={st('dashboard.flex')}>
          {flexData.length === 0 ? (
            <Text size="sm">{st('dashboard.noFlex')}</Text>
          ) : (
            <BarChart
              h={240}
              data={flexData}
              dataKey="month"
              type="stacked"
              series={companies.map((c, i) => ({ name: c, color: palette[i % palette.length] ?? 'blue.8' }))}
              withLegend
              barChartProps={{ accessibilityLayer: false }}
              aria-hidden
            />
          )}
          <NumbersTable
            caption={st('dashboard.flex')}
            head={[st('dashboard.month'), st('dashboard.company'), st('dashboard.minutes')]}
            rows={d.flexConsumption.map((r) => [
              formatMonth(r.month, language),
              r.companyName,
              formatMinutes(r.minutes),
            ])}
          />
        </Panel>
      </SimpleGrid>
      <SatisfactionPanel />
      <Panel id="at-risk" title={st('dashboard.atRisk')}>
        {d.atRisk.length === 0 ? (
          <Text size="sm">{st('dashboard.noneAtRisk')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table striped verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{st('queue.columns.key')}</Table.Th>
                  <Table.Th>{st('queue.columns.subject')}</Table.Th>
                  <Table.Th>{st('queue.columns.company')}</Table.Th>
                  <Table.Th>{st('queue.columns.status')}</Table.Th>
                  <Table.Th>{st('queue.columns.assignee')}</Table.Th>
                  <Table.Th>{st('queue.columns.sla')}</Table.Th>
                  <Table.Th>{st('queue.columns.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.atRisk.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/staff/tickets/${r.id}`}>
                        {r.key}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.subject}</Table.Td>
                    <Table.Td>{r.companyName}</Table.Td>
                    <Table.Td>{r.statusLabel}</Table.Td>
                    <Table.Td>{r.assigneeName ?? '—'}</Table.Td>
                    <Table.Td>
                      <SlaBadge state={r.state} />
                    </Table.Td>
                    <Table.Td>{formatDateTime(r.resolutionDueAt ?? r.engagementDueAt, language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Panel>
    </Stack>
  );
}

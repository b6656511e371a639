import './print.css';
import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { formatMonth } from '../../../../src/i18n/format';
import { fetchMonthlyReport, sendMonthlyReport } from '../../api/commitments';
import { allCompanies } from '../../api/companies';
import { useMe } from '../../api/session';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { useErrorText } from '../portal/shared';
import { usePageTitle } from '../usePageTitle';
import { ExplanationTimeline } from './ExplanationTimeline';
import { useCommitmentsT } from './i18n';
import { previousZurichMonth } from './month';
import { useCriticalityLabel } from './useCriticalityLabel';

/** A company's SLA month, printable: customer managers read their company's, staff any company's and can mail it. */
export default function MonthlyReportPage() {
  const { ct, language } = useCommitmentsT();
  usePageTitle(ct('report.title'));
  const me = useMe();
  const errorText = useErrorText();
  const label = useCriticalityLabel();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? previousZurichMonth(new Date());
  const companyId = params.get('companyId') ?? undefined;
  const staff = me.role !== 'customer';
  // Staff choose the company; a manager reads their own.
  const companies = useQuery({
    queryKey: ['companies', 'all'],
    queryFn: () => allCompanies(),
    enabled: staff,
  });
  const report = useQuery({
    queryKey: ['sla-monthly-report', month, companyId],
    queryFn: () => fetchMonthlyReport(month, companyId),
    enabled: !staff || companyId !== undefined,
  });
  const send = useMutation({ mutationFn: () => sendMonthlyReport(companyId ?? '', month) });
  const choose = (key: 'month' | 'companyId', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
    send.reset();
  };
  return (
    <Stack gap="md" maw={1000}>
      <Title order={1}>{ct('report.title')}</Title>
      <Group align="flex-end" className="no-print">
        {staff && (
          <Select
            label={ct('report.company')}
            placeholder={ct('report.chooseCompany')}
            data={(companies.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={companyId ?? null}
            onChange={(value) => value && choose('companyId', value)}
            searchable
          />
        )}
        <TextInput
          type="month"
          label={ct('report.month')}
          value={month}
          onChange={(event) => event.currentTarget.value && choose('month', event.currentTarget.value)}
        />
        <Button variant="outline" onClick={() => window.print()}>
          {ct('report.print')}
        </Button>
        {staff && companyId && (
          <Button onClick={() => send.mutate()} loading={send.isPending}>
            {ct('report.send')}
          </Button>
        )}
      </Group>
      {send.data && (
        <Text role="status">{ct('report.sent', { recipients: send.data.recipients.join(', ') })}</Text>
      )}
      {send.error && <FormAlert message={errorText(send.error)} />}
      {staff && !companyId && <Text>{ct('report.chooseCompany')}</Text>}
      {report.isLoading && <PageLoader />}
      {report.error && <FormAlert message={errorText(report.error)} />}
      {report.data && (
        <>
          <Text fw={600} data-testid="report-company">
            {ct('report.heading', {
              company: report.data.companyName,
              month: formatMonth(report.data.month, language),
            })}
          </Text>
          <Text data-testid="report-tickets">
            {ct('report.tickets', { count: report.data.tickets, withSla: report.data.ticketsWithSla })}
          </Text>
          <Table data-testid="report-table" striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{ct('report.criticality')}</Table.Th>
                <Table.Th>{ct('report.count')}</Table.Th>
                <Table.Th>{ct('report.engagementMet')}</Table.Th>
                <Table.Th>{ct('report.engagementBreached')}</Table.Th>
                <Table.Th>{ct('report.resolutionMet')}</Table.Th>
                <Table.Th>{ct('report.resolutionBreached')}</Table.Th>
                <Table.Th>{ct('report.running')}</Table.Th>
                <Table.Th>{ct('report.stopped')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.rows.map((row) => (
                <Table.Tr key={row.criticality} data-testid={`report-row-${row.criticality}`}>
                  <Table.Th scope="row">{label(row.criticality)}</Table.Th>
                  <Table.Td>{row.tickets}</Table.Td>
                  <Table.Td>{row.engagement.met}</Table.Td>
                  <Table.Td>{row.engagement.breached}</Table.Td>
                  <Table.Td>{row.resolution.met}</Table.Td>
                  <Table.Td>{row.resolution.breached}</Table.Td>
                  <Table.Td>{row.resolution.running}</Table.Td>
                  <Table.Td>{row.resolution.stopped}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={2} size="h4">
            {ct('report.breaches')}
          </Title>
          {report.data.breaches.length === 0 && <Text>{ct('report.noBreach')}</Text>}
          {report.data.breaches.map((breach) => (
            <section
              key={`${breach.ticketId}-${breach.clock}`}
              aria-labelledby={`breach-${breach.ticketId}-${breach.clock}`}
            >
              <Title order={3} size="h5" id={`breach-${breach.ticketId}-${breach.clock}`}>
                {breach.key} — {breach.subject} — {ct(`explain.clock.${breach.clock}`)}
              </Title>
              <ExplanationTimeline explanation={breach.explanation} criticalityLabel={label} />
            </section>
          ))}
        </>
      )}
    </Stack>
  );
}

import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDay } from '../../../../src/i18n/format';
import { type BillingPreview, commitBilling, listBillingRuns, previewBilling } from '../../api/staff-admin';
import { FormAlert } from '../../components/FormAlert';
import { useAdminMutation } from '../../components/useAdminMutation';
import { formatDateTime, formatMinutes, zurichToday } from '../staff/format';
import { useStaffT } from '../staff/i18n';
import { usePageTitle } from '../usePageTitle';
import { monthSoFar, previousMonth } from './billing-period';
import { type DateRange, DateRangeForm } from './DateRangeForm';

/** Billing runs (R12): preview a period, commit it once, see past runs and download the régie CSV. */
export default function BillingAdminPage() {
  const { st, language } = useStaffT();
  usePageTitle(st('admin.billing.title'));
  const [period, setPeriod] = useState<DateRange>(() => previousMonth(zurichToday()));
  const { from, to } = period;
  const [preview, setPreview] = useState<BillingPreview | null>(null);
  const runs = useQuery({ queryKey: ['billing-runs'], queryFn: listBillingRuns });
  const doPreview = useAdminMutation({
    mutationFn: () => previewBilling(from, to),
    onSuccess: setPreview,
  });
  const overdrawn = preview?.companies.filter((c) => c.overdraftMinutes > 0) ?? [];
  const commit = useAdminMutation({
    mutationFn: () => commitBilling(from, to, preview?.entryIds ?? []),
    onSuccess: () => setPreview(null),
    success: st('admin.billing.committed'),
    invalidate: 'all',
  });
  return (
    <Stack gap="md">
      <Card withBorder component="section" aria-labelledby="billing-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="billing-title">
            {st('admin.billing.title')}
          </Title>
          <DateRangeForm
            value={period}
            onChange={setPeriod}
            onSubmit={() => doPreview.mutate()}
            submitLabel={st('admin.billing.preview')}
            loading={doPreview.isPending}
          >
            <Button variant="subtle" onClick={() => setPeriod(previousMonth(zurichToday()))}>
              {st('admin.billing.previousMonth')}
            </Button>
            <Button variant="subtle" onClick={() => setPeriod(monthSoFar(zurichToday()))}>
              {st('admin.billing.thisMonth')}
            </Button>
          </DateRangeForm>
          <FormAlert message={(doPreview.error ?? commit.error)?.message ?? null} />
          {preview && (
            <Stack gap="xs" data-testid="billing-preview">
              <Text>
                {st('admin.billing.totals', {
                  count: preview.entries,
                  flex: formatMinutes(preview.flexMinutes),
                  regie: formatMinutes(preview.regieMinutes),
                })}
              </Text>
              <Table.ScrollContainer minWidth={0} type="native">
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{st('dashboard.company')}</Table.Th>
                      <Table.Th>{st('admin.billing.flex')}</Table.Th>
                      <Table.Th>{st('admin.billing.regie')}</Table.Th>
                      <Table.Th>{st('admin.billing.balanceBefore')}</Table.Th>
                      <Table.Th>{st('admin.billing.balanceAfter')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.companies.map((c) => (
                      <Table.Tr key={c.companyId}>
                        <Table.Td>{c.companyName}</Table.Td>
                        <Table.Td>{formatMinutes(c.flexMinutes)}</Table.Td>
                        <Table.Td>{formatMinutes(c.regieMinutes)}</Table.Td>
                        <Table.Td>
                          {c.flexBalanceMinutes === null ? '—' : formatMinutes(c.flexBalanceMinutes)}
                        </Table.Td>
                        <Table.Td
                          c={c.overdraftMinutes > 0 ? 'red.8' : undefined}
                          fw={c.overdraftMinutes > 0 ? 700 : undefined}
                          data-testid="billing-balance-after"
                        >
                          {c.resultingBalanceMinutes === null
                            ? '—'
                            : formatMinutes(c.resultingBalanceMinutes)}
                          {c.overdraftMinutes > 0 &&
                            ` (${st('admin.billing.overdraft', { minutes: formatMinutes(c.overdraftMinutes) })})`}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {overdrawn.length > 0 && (
                <Alert color="orange" data-testid="billing-overdraft-warning">
                  {st('admin.billing.overdraftWarning', {
                    companies: overdrawn.map((c) => c.companyName).join(', '),
                  })}
                </Alert>
              )}
              <Group>
                <Button
                  onClick={() => commit.mutate()}
                  loading={commit.isPending}
                  disabled={preview.entryIds.length === 0}
                >
                  {st('admin.billing.commit')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="runs-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="runs-title">
            {st('admin.billing.runs')}
          </Title>
          {runs.data?.items.length === 0 && (
            <Text data-testid="billing-no-runs">{st('admin.billing.noRuns')}</Text>
          )}
          <Table.ScrollContainer minWidth={0} type="native">
            <Table striped hidden={!runs.data?.items.length}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{st('admin.billing.when')}</Table.Th>
                  <Table.Th>{st('admin.billing.period')}</Table.Th>
                  <Table.Th>{st('admin.billing.flex')}</Table.Th>
                  <Table.Th>{st('admin.billing.regie')}</Table.Th>
                  <Table.Th>{st('admin.billing.csv')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(runs.data?.items ?? []).map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatDateTime(r.createdAt, language)}</Table.Td>
                    <Table.Td>
                      {formatDay(r.periodFrom, language)} – {formatDay(r.periodTo, language)}
                    </Table.Td>
                    <Table.Td>{formatMinutes(r.totals.flexMinutes)}</Table.Td>
                    <Table.Td>{formatMinutes(r.totals.regieMinutes)}</Table.Td>
                    <Table.Td>
                      <Anchor href={`/api/billing/runs/${r.id}/regie.csv`} download>
                        {st('admin.billing.download')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Card>
    </Stack>
  );
}

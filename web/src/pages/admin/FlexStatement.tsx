import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { flexStatementResponse } from '../../../../src/http/schemas/flex';
import { apiGet } from '../../api/client';
import { formatDateTime, formatMinutes, zurichToday } from '../staff/format';
import { useStaffT } from '../staff/i18n';
import { type DateRange, DateRangeForm } from './DateRangeForm';

type Statement = z.infer<typeof flexStatementResponse>;

/** The Flex statement of a period: opening and closing balance, each movement with the time behind it. */
export function FlexStatement({ companyId }: { companyId: string }) {
  const { st, language } = useStaffT();
  const today = zurichToday();
  const [draft, setDraft] = useState<DateRange>({ from: `${today.slice(0, 8)}01`, to: today });
  const [period, setPeriod] = useState<DateRange | null>(null);
  const statement = useQuery({
    queryKey: ['admin-flex-statement', companyId, period],
    queryFn: () =>
      apiGet<Statement>(`/api/flex/statement?companyId=${companyId}&from=${period?.from}&to=${period?.to}`),
    enabled: period !== null,
  });
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {st('admin.statement.title')}
      </Title>
      <DateRangeForm
        value={draft}
        onChange={setDraft}
        onSubmit={setPeriod}
        submitLabel={st('admin.statement.show')}
        loading={statement.isFetching}
      />
      {statement.error && <Text c="red.9">{statement.error.message}</Text>}
      {statement.data && (
        <>
          <Text size="sm">
            {st('admin.statement.balances', {
              opening: formatMinutes(statement.data.openingBalanceMinutes),
              closing: formatMinutes(statement.data.closingBalanceMinutes),
            })}
          </Text>
          <Table.ScrollContainer minWidth={0} type="native">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{st('admin.flex.when')}</Table.Th>
                  <Table.Th>{st('admin.flex.kind')}</Table.Th>
                  <Table.Th>{st('admin.flex.amount')}</Table.Th>
                  <Table.Th>{st('admin.statement.detail')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {statement.data.lines.map((line) => (
                  <Table.Tr key={line.id}>
                    <Table.Td>{formatDateTime(line.createdAt, language)}</Table.Td>
                    <Table.Td>{st(`admin.flex.kinds.${line.kind}`)}</Table.Td>
                    <Table.Td>{formatMinutes(line.minutes)}</Table.Td>
                    <Table.Td>
                      {[
                        line.ticket?.key,
                        line.reason,
                        ...line.timeEntries.map(
                          (e) => `${e.workDate} ${e.consultant} ${formatMinutes(e.minutes)}`,
                        ),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

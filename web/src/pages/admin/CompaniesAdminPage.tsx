import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { adjustFlex, creditFlex, getCompany, getFlex, listCompanies } from '../../api/staff-admin';
import { PageLoader } from '../../components/guards';
import { useAdminMutation } from '../../components/useAdminMutation';
import { formatDateTime, formatMinutes } from '../staff/format';
import { useStaffT } from '../staff/i18n';
import { usePageTitle } from '../usePageTitle';
import { CompanyUsersPanel } from './CompanyUsersPanel';
import { ContractSlaOverride } from './ContractSlaOverride';
import { ContractsPanel } from './ContractsPanel';
import { FlexStatement } from './FlexStatement';

/** Companies, then one company: its users, contracts and Flex balance with credits and adjustments. */
export default function CompaniesAdminPage() {
  const { id } = useParams();
  return id ? <CompanyDetail id={id} /> : <CompanyList />;
}

function CompanyList() {
  const { st } = useStaffT();
  usePageTitle(st('admin.companies.title'));
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useQuery({ queryKey: ['admin-companies', q], queryFn: () => listCompanies(q) });
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {st('admin.companies.title')}
      </Title>
      <TextInput
        label={st('admin.companies.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maxLength={200}
        w={320}
      />
      {list.isPending ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={0} type="native">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('admin.companies.name')}</Table.Th>
                <Table.Th>{st('admin.companies.domains')}</Table.Th>
                <Table.Th>{st('admin.companies.contracts')}</Table.Th>
                <Table.Th>{st('admin.companies.users')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.items ?? []).map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/companies/${c.id}`}>
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.mailDomains.join(', ')}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {c.maintenanceActive && (
                        <Badge color="dark.6" variant="outline">
                          {st('admin.companies.maintenance')}
                        </Badge>
                      )}
                      {c.flexActive && (
                        <Badge color="dark.6" variant="outline">
                          Flex
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.userCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function CompanyDetail({ id }: { id: string }) {
  const { st } = useStaffT();
  const company = useQuery({ queryKey: ['admin-company', id], queryFn: () => getCompany(id) });
  usePageTitle(company.data?.name ?? st('admin.companies.title'));
  if (company.isPending) return <PageLoader />;
  if (!company.data)
    return (
      <Alert color="red" role="alert">
        {company.error?.message}
      </Alert>
    );
  const c = company.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/companies">
        {st('admin.companies.back')}
      </Anchor>
      <Title order={2} size="h3">
        {c.name}
      </Title>
      <ContractsPanel company={c} />
      {c.contracts
        .filter((k) => k.kind === 'maintenance' && k.active)
        .map((k) => (
          <ContractSlaOverride key={k.id} contractId={k.id} reference={k.reference} />
        ))}
      {c.flexActive && <FlexPanel companyId={c.id} />}
      <CompanyUsersPanel company={c} />
    </Stack>
  );
}

function FlexPanel({ companyId }: { companyId: string }) {
  const { st, language } = useStaffT();
  const flexKey = ['admin-flex', companyId];
  const flex = useQuery({ queryKey: flexKey, queryFn: () => getFlex(companyId) });
  const [hours, setHours] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const [adjust, setAdjust] = useState<number | string>('');
  const [adjustReason, setAdjustReason] = useState('');
  const credit = useAdminMutation({
    mutationFn: () => creditFlex(companyId, Math.round(Number(hours) * 60), reason.trim()),
    onSuccess: () => {
      setHours('');
      setReason('');
    },
    success: st('admin.flex.credited'),
    invalidate: [flexKey],
    notifyError: true,
  });
  const adjustment = useAdminMutation({
    mutationFn: () => adjustFlex(companyId, Math.round(Number(adjust)), adjustReason.trim()),
    onSuccess: () => {
      setAdjust('');
      setAdjustReason('');
    },
    success: st('admin.flex.adjusted'),
    invalidate: [flexKey],
    notifyError: true,
  });
  return (
    <Card withBorder component="section" aria-labelledby="flex-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="flex-title">
          {st('admin.flex.title')}
        </Title>
        {flex.data && (
          <Text fw={700} data-testid="flex-balance">
            {st('admin.flex.balance', { balance: formatMinutes(flex.data.balanceMinutes) })}
          </Text>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (Number(hours) > 0) credit.mutate();
          }}
        >
          <Group align="flex-end" gap="xs">
            <NumberInput
              label={st('admin.flex.creditHours')}
              min={0.25}
              step={1}
              decimalScale={2}
              value={hours}
              onChange={setHours}
              w={180}
            />
            <TextInput
              label={st('admin.flex.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button type="submit" loading={credit.isPending}>
              {st('admin.flex.credit')}
            </Button>
          </Group>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (Number(adjust) !== 0 && adjustReason.trim()) adjustment.mutate();
          }}
        >
          <Group align="flex-end" gap="xs">
            <NumberInput
              label={st('admin.flex.adjustMinutes')}
              step={15}
              value={adjust}
              onChange={setAdjust}
              w={180}
            />
            <TextInput
              label={st('admin.flex.reason')}
              value={adjustReason}
              onChange={(e) => setAdjustReason(e.currentTarget.value)}
              required
            />
            <Button type="submit" variant="default" loading={adjustment.isPending}>
              {st('admin.flex.adjust')}
            </Button>
          </Group>
        </form>
        {flex.data && (
          <Table.ScrollContainer minWidth={0} type="native">
            <Table striped>
              <Table.Caption>{st('admin.flex.movements')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{st('admin.flex.when')}</Table.Th>
                  <Table.Th>{st('admin.flex.kind')}</Table.Th>
                  <Table.Th>{st('admin.flex.amount')}</Table.Th>
                  <Table.Th>{st('admin.flex.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {flex.data.movements.slice(0, 20).map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{formatDateTime(m.createdAt, language)}</Table.Td>
                    <Table.Td>{st(`admin.flex.kinds.${m.kind}`)}</Table.Td>
                    <Table.Td>{formatMinutes(m.minutes)}</Table.Td>
                    <Table.Td>{m.ticket ? `${m.ticket.key} ${m.reason ?? ''}` : (m.reason ?? '')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <FlexStatement companyId={companyId} />
      </Stack>
    </Card>
  );
}

import { Button, Card, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiPatch, apiPost } from '../../api/client';
import type { CompanyDetail } from '../../api/staff-admin';
import { useAdminMutation } from '../../components/useAdminMutation';
import { useStaffT } from '../staff/i18n';

type Contract = CompanyDetail['contracts'][number];

/** A company's contracts: maintenance dates and Flex contracts, edited in place, and a new one. */
export function ContractsPanel({ company }: { company: CompanyDetail }) {
  const { st } = useStaffT();
  const client = useQueryClient();
  const companyKey = ['admin-company', company.id];
  const refresh = () => void client.invalidateQueries({ queryKey: companyKey });
  const [kind, setKind] = useState<string | null>('maintenance');
  const [reference, setReference] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const add = useAdminMutation({
    mutationFn: () =>
      apiPost<unknown>(`/api/companies/${company.id}/contracts`, {
        kind,
        reference: reference.trim(),
        startsOn,
        ...(endsOn ? { endsOn } : {}),
      }),
    onSuccess: () => {
      setReference('');
      setStartsOn('');
      setEndsOn('');
    },
    success: st('admin.contracts.saved'),
    invalidate: [companyKey],
    notifyError: true,
  });

  return (
    <Card withBorder component="section" aria-labelledby="contracts-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="contracts-title">
          {st('admin.companies.contracts')}
        </Title>
        <Table.ScrollContainer minWidth={0} type="native">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('admin.companies.kind')}</Table.Th>
                <Table.Th>{st('admin.companies.reference')}</Table.Th>
                <Table.Th>{st('admin.companies.starts')}</Table.Th>
                <Table.Th>{st('admin.companies.ends')}</Table.Th>
                <Table.Th>{st('admin.companies.active')}</Table.Th>
                <Table.Th>{st('admin.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {company.contracts.map((k) => (
                <ContractRow key={k.id} contract={k} onSaved={refresh} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (reference.trim() && startsOn) add.mutate();
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <Select
              label={st('admin.companies.kind')}
              data={[
                { value: 'maintenance', label: st('admin.companies.kinds.maintenance') },
                { value: 'flex', label: st('admin.companies.kinds.flex') },
              ]}
              value={kind}
              onChange={setKind}
              allowDeselect={false}
              w={160}
            />
            <TextInput
              label={st('admin.companies.reference')}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              required
            />
            <TextInput
              type="date"
              label={st('admin.companies.starts')}
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              required
            />
            <TextInput
              type="date"
              label={st('admin.companies.ends')}
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
            />
            <Button type="submit" variant="default" loading={add.isPending}>
              {st('admin.contracts.add')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Card>
  );
}

function ContractRow({ contract, onSaved }: { contract: Contract; onSaved: () => void }) {
  const { st } = useStaffT();
  const [startsOn, setStartsOn] = useState(contract.startsOn);
  const [endsOn, setEndsOn] = useState(contract.endsOn ?? '');
  const save = useAdminMutation({
    mutationFn: () =>
      apiPatch<unknown>(`/api/contracts/${contract.id}`, { startsOn, endsOn: endsOn || null }),
    onSuccess: onSaved,
    success: st('admin.contracts.saved'),
    notifyError: true,
  });
  const changed = startsOn !== contract.startsOn || endsOn !== (contract.endsOn ?? '');
  return (
    <Table.Tr>
      <Table.Td>{st(`admin.companies.kinds.${contract.kind}`)}</Table.Td>
      <Table.Td>{contract.reference}</Table.Td>
      <Table.Td>
        <TextInput
          type="date"
          aria-label={st('admin.contracts.startsOf', { reference: contract.reference })}
          value={startsOn}
          onChange={(e) => setStartsOn(e.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          type="date"
          aria-label={st('admin.contracts.endsOf', { reference: contract.reference })}
          value={endsOn}
          onChange={(e) => setEndsOn(e.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>{contract.active ? st('admin.yes') : st('admin.no')}</Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="default"
          disabled={!changed}
          loading={save.isPending}
          onClick={() => save.mutate()}
        >
          {st('admin.contracts.saveNamed', { reference: contract.reference })}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

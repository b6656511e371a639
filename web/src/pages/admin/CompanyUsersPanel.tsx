import { Anchor, Button, Card, Group, Select, Stack, Switch, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { apiPatch, apiPost } from '../../api/client';
import type { CompanyDetail } from '../../api/staff-admin';
import { useAdminMutation } from '../../components/useAdminMutation';
import { formatDateTime } from '../staff/format';
import { useStaffT } from '../staff/i18n';
import { ErasePersonDialog } from './ErasePersonDialog';

/** The company's users: manager flag and activation in place, and a new user (who gets a set-password mail). */
export function CompanyUsersPanel({ company }: { company: CompanyDetail }) {
  const { st, language } = useStaffT();
  const refresh = [['admin-company', company.id]];
  const update = useAdminMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Record<string, boolean> }) =>
      apiPatch<unknown>(`/api/users/${id}`, patch),
    invalidate: refresh,
    notifyError: true,
  });
  const [erasing, setErasing] = useState<{ id: string; name: string } | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [userLanguage, setUserLanguage] = useState<string | null>('fr');
  const create = useAdminMutation({
    mutationFn: () =>
      apiPost<unknown>('/api/users', {
        name: name.trim(),
        email: email.trim(),
        role: 'customer',
        companyId: company.id,
        language: userLanguage ?? 'fr',
      }),
    onSuccess: () => {
      setName('');
      setEmail('');
    },
    success: st('admin.users.created'),
    invalidate: refresh,
    notifyError: true,
  });

  return (
    <Card withBorder component="section" aria-labelledby="users-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id="users-title">
            {st('admin.companies.users')}
          </Title>
          <Anchor href={`/api/companies/${company.id}/personal-data`} download size="sm">
            {st('admin.erasure.exportCompany')}
          </Anchor>
        </Group>
        <Table.ScrollContainer minWidth={0} type="native">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('admin.companies.name')}</Table.Th>
                <Table.Th>{st('admin.companies.email')}</Table.Th>
                <Table.Th>{st('admin.companies.manager')}</Table.Th>
                <Table.Th>{st('admin.companies.active')}</Table.Th>
                <Table.Th>{st('admin.companies.since')}</Table.Th>
                <Table.Th>{st('admin.erasure.column')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {company.users.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={st('admin.users.managerOf', { name: u.name })}
                      checked={u.isManager}
                      onChange={(e) =>
                        update.mutate({ id: u.id, patch: { isManager: e.currentTarget.checked } })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={st('admin.users.activeOf', { name: u.name })}
                      checked={u.active}
                      onChange={(e) =>
                        update.mutate({ id: u.id, patch: { active: e.currentTarget.checked } })
                      }
                    />
                  </Table.Td>
                  <Table.Td>{formatDateTime(u.createdAt, language)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor
                        href={`/api/users/${u.id}/personal-data`}
                        download
                        size="sm"
                        aria-label={st('admin.erasure.exportOf', { name: u.name })}
                      >
                        {st('admin.erasure.export')}
                      </Anchor>
                      {u.erased ? null : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={st('admin.erasure.eraseOf', { name: u.name })}
                          onClick={() => setErasing({ id: u.id, name: u.name })}
                        >
                          {st('admin.erasure.erase')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() && email.trim()) create.mutate();
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={st('admin.companies.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
            />
            <TextInput
              type="email"
              label={st('admin.companies.email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
            />
            <Select
              label={st('admin.users.language')}
              data={[
                { value: 'fr', label: 'Français' },
                { value: 'de', label: 'Deutsch' },
                { value: 'en', label: 'English' },
              ]}
              value={userLanguage}
              onChange={setUserLanguage}
              allowDeselect={false}
              w={140}
            />
            <Button type="submit" variant="default" loading={create.isPending}>
              {st('admin.users.add')}
            </Button>
          </Group>
        </form>
      </Stack>
      {erasing ? (
        <ErasePersonDialog person={erasing} onClose={() => setErasing(null)} refresh={refresh} />
      ) : null}
    </Card>
  );
}

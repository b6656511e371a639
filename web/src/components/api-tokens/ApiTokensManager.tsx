import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../src/i18n/format';
import {
  type ApiTokenItem,
  apiTokensKey,
  createApiToken,
  fetchApiTokens,
  revokeApiToken,
  type TokenKind,
} from '../../api/api-tokens';
import { FormAlert } from '../FormAlert';
import { PageLoader } from '../guards';
import { notify } from '../notify';
import { SecretShownOnce } from '../SecretShownOnce';

const lifetimes = [30, 90, 365] as const;

/** People read what a scope allows; its identifier (tickets:read …) is for programs and the API reference. */
const scopeLabel = (scope: string) => `apiTokens.scope.${scope.replace(':', '_')}`;

/**
 * API tokens: personal ones in the profile, integration ones in the administration. A new token
 * is shown once, right after it is made; the list shows when each was last used.
 */
export function ApiTokensManager({ kind }: { kind: TokenKind }) {
  const { t } = useTranslation();
  const tokens = useQuery({ queryKey: apiTokensKey(kind), queryFn: () => fetchApiTokens(kind) });
  const [created, setCreated] = useState<string | null>(null);
  const heading = `api-tokens-${kind}`;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={heading}>
      <Stack gap="md">
        <Title order={2} id={heading}>
          {t(`apiTokens.title.${kind}`)}
        </Title>
        <Text size="sm">{t(`apiTokens.intro.${kind}`)}</Text>
        {tokens.isPending && <PageLoader />}
        {tokens.error && (
          <Alert color="red" role="alert">
            {tokens.error.message}
          </Alert>
        )}
        <SecretShownOnce
          secret={created}
          title={t('apiTokens.createdTitle')}
          hint={t('apiTokens.createdHint')}
          testId="new-api-token"
        />
        {tokens.data && (
          <>
            <TokenTable kind={kind} items={tokens.data.items} />
            <CreateTokenForm kind={kind} scopes={tokens.data.scopesOffered} onCreated={setCreated} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function TokenTable({ kind, items }: { kind: TokenKind; items: ApiTokenItem[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const revoke = async (item: ApiTokenItem) => {
    if (!window.confirm(t('apiTokens.confirmRevoke', { name: item.name }))) return;
    try {
      await revokeApiToken(kind, item.id);
      await client.invalidateQueries({ queryKey: apiTokensKey(kind) });
      notify({ color: 'green', message: t('apiTokens.revoked', { name: item.name }) });
    } catch (error) {
      notify({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    }
  };
  if (items.length === 0) return <Text c="dimmed">{t('apiTokens.empty')}</Text>;
  const date = (value: string | null) =>
    value ? formatDateTime(value, i18n.language) : t('apiTokens.never');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={t(`apiTokens.title.${kind}`)}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('apiTokens.name')}</Table.Th>
            <Table.Th>{t('apiTokens.scopes')}</Table.Th>
            {kind === 'integration' && <Table.Th>{t('apiTokens.owner')}</Table.Th>}
            <Table.Th>{t('apiTokens.expires')}</Table.Th>
            <Table.Th>{t('apiTokens.lastUsed')}</Table.Th>
            <Table.Th>{t('apiTokens.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                {item.name} <Code>{item.displayPrefix}…</Code>
              </Table.Td>
              <Table.Td>{item.scopes.map((scope) => t(scopeLabel(scope))).join(', ')}</Table.Td>
              {kind === 'integration' && <Table.Td>{item.owner?.name}</Table.Td>}
              <Table.Td>{date(item.expiresAt)}</Table.Td>
              <Table.Td>{date(item.lastUsedAt)}</Table.Td>
              <Table.Td>
                {item.revokedAt ? (
                  <Badge color="gray">{t('apiTokens.revokedOn', { date: date(item.revokedAt) })}</Badge>
                ) : (
                  <Button size="xs" variant="outline" color="red.9" onClick={() => void revoke(item)}>
                    {t('apiTokens.revoke', { name: item.name })}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CreateTokenForm(props: { kind: TokenKind; scopes: string[]; onCreated: (token: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '', scopes: [] as string[], expiresInDays: '90' } });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const made = await createApiToken(props.kind, {
        name: values.name,
        scopes: values.scopes as never,
        expiresInDays: Number(values.expiresInDays),
      });
      props.onCreated(made.token);
      form.reset();
      await client.invalidateQueries({ queryKey: apiTokensKey(props.kind) });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3}>{t('apiTokens.create')}</Title>
        <FormAlert message={failure} />
        <TextInput label={t('apiTokens.name')} required maxLength={100} {...form.getInputProps('name')} />
        <Checkbox.Group label={t('apiTokens.scopes')} required {...form.getInputProps('scopes')}>
          <Group mt="xs">
            {props.scopes.map((scope) => (
              <Checkbox key={scope} value={scope} label={t(scopeLabel(scope))} />
            ))}
          </Group>
        </Checkbox.Group>
        <NativeSelect
          label={t('apiTokens.lifetime')}
          data={lifetimes.map((days) => ({
            value: String(days),
            label: t('apiTokens.days', { count: days }),
          }))}
          {...form.getInputProps('expiresInDays')}
        />
        <Group>
          <Button type="submit">{t('apiTokens.createButton')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

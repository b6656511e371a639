import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
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
  createWebhook,
  deliveriesKey,
  fetchDeliveries,
  fetchWebhooks,
  redeliver,
  type WebhookEndpointItem,
  webhooksKey,
} from '../../api/webhooks';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { notify } from '../../components/notify';
import { SecretShownOnce } from '../../components/SecretShownOnce';
import { useStaffT } from '../staff/i18n';

/**
 * Administration: outbound webhooks. An endpoint's signing secret is shown once, right after it is
 * registered; each endpoint's log lists its deliveries with every attempt's response code.
 */
export default function WebhooksAdminPage() {
  const { st } = useStaffT();
  const list = useQuery({ queryKey: webhooksKey, queryFn: fetchWebhooks });
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="webhooks-title">
      <Stack gap="md">
        <Title order={2} id="webhooks-title">
          {st('webhooks.title')}
        </Title>
        <Text size="sm">{st('webhooks.intro')}</Text>
        {list.isPending && <PageLoader />}
        {list.error && (
          <Alert color="red" role="alert">
            {list.error.message}
          </Alert>
        )}
        <SecretShownOnce
          secret={secret}
          title={st('webhooks.secretTitle')}
          hint={st('webhooks.secretHint')}
          testId="new-webhook-secret"
        />
        {list.data && (
          <>
            {list.data.items.length === 0 && <Text c="dimmed">{st('webhooks.empty')}</Text>}
            {list.data.items.map((item) => (
              <EndpointLog key={item.id} item={item} />
            ))}
            <CreateForm events={list.data.events} onCreated={setSecret} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function EndpointLog({ item }: { item: WebhookEndpointItem }) {
  const { st } = useStaffT();
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const log = useQuery({ queryKey: deliveriesKey(item.id), queryFn: () => fetchDeliveries(item.id) });
  const again = async (deliveryId: string) => {
    try {
      await redeliver(item.id, deliveryId);
      await client.invalidateQueries({ queryKey: deliveriesKey(item.id) });
      notify({ color: 'green', message: st('webhooks.redelivered') });
    } catch (error) {
      notify({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const heading = `webhook-${item.id}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={heading}>
      <Group gap="xs">
        <Title order={3} id={heading} fz="md">
          {item.url}
        </Title>
        <Text size="sm" fw={700}>
          {st(item.active ? 'webhooks.active' : 'webhooks.disabled')}
        </Text>
      </Group>
      {item.description && <Text size="sm">{item.description}</Text>}
      <Text size="sm">{st('webhooks.subscribed', { events: item.events.join(', ') })}</Text>
      {log.data && log.data.items.length === 0 && <Text c="dimmed">{st('webhooks.noDeliveries')}</Text>}
      {log.data && log.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={st('webhooks.logOf', { url: item.url })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('webhooks.event')}</Table.Th>
                <Table.Th>{st('webhooks.ticket')}</Table.Th>
                <Table.Th>{st('webhooks.state')}</Table.Th>
                <Table.Th>{st('webhooks.attempts')}</Table.Th>
                <Table.Th>{st('webhooks.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Code>{d.event}</Code>
                  </Table.Td>
                  <Table.Td>{d.ticketKey ?? '—'}</Table.Td>
                  <Table.Td>
                    {st(d.status === 'delivered' ? 'webhooks.delivered' : 'webhooks.pending')}
                  </Table.Td>
                  <Table.Td>
                    {d.log.map((a) => (
                      <div key={a.at + String(a.statusCode)}>
                        {formatDateTime(a.at, i18n.language)} — {a.statusCode ?? a.error ?? '—'}
                      </div>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="outline" onClick={() => void again(d.id)}>
                      {st('webhooks.redeliver')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function CreateForm(props: { events: string[]; onCreated: (secret: string) => void }) {
  const { st } = useStaffT();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      url: '',
      description: '',
      events: [] as string[],
      includeInternal: false,
      allowPrivateNetwork: false,
    },
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const made = await createWebhook({ ...values, events: values.events as never });
      props.onCreated(made.secret);
      form.reset();
      await client.invalidateQueries({ queryKey: webhooksKey });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3}>{st('webhooks.create')}</Title>
        <FormAlert message={failure} />
        <TextInput label={st('webhooks.url')} required type="url" {...form.getInputProps('url')} />
        <TextInput
          label={st('webhooks.description')}
          maxLength={200}
          {...form.getInputProps('description')}
        />
        <Checkbox.Group label={st('webhooks.events')} required {...form.getInputProps('events')}>
          <Group mt="xs">
            {props.events.map((event) => (
              <Checkbox key={event} value={event} label={event} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox
          label={st('webhooks.includeInternal')}
          {...form.getInputProps('includeInternal', { type: 'checkbox' })}
        />
        <Checkbox
          label={st('webhooks.allowPrivateNetwork')}
          {...form.getInputProps('allowPrivateNetwork', { type: 'checkbox' })}
        />
        <Group>
          <Button type="submit">{st('webhooks.createButton')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

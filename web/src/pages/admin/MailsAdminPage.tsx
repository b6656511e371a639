import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  discardInbound,
  getMail,
  listMails,
  listOutbox,
  listQuarantine,
  releaseInbound,
  retryOutbox,
} from '../../api/staff-admin';
import { listTickets } from '../../api/tickets';
import { useAdminMutation } from '../../components/useAdminMutation';
import { formatDateTime } from '../staff/format';
import { useStaffT } from '../staff/i18n';
import { usePageTitle } from '../usePageTitle';

/** The mail viewer (mails kept when no SMTP server is set), failed outbox mails, quarantined inbound mails. */
export default function MailsAdminPage() {
  const { st } = useStaffT();
  usePageTitle(st('admin.mails.title'));
  return (
    <Stack gap="md">
      <Viewer />
      <FailedOutbox />
      <Quarantine />
    </Stack>
  );
}

function Viewer() {
  const { st, language } = useStaffT();
  const mails = useQuery({ queryKey: ['admin-mails'], queryFn: listMails, refetchInterval: 5000 });
  const [open, setOpen] = useState<number | null>(null);
  const mail = useQuery({
    queryKey: ['admin-mail', open],
    queryFn: () => getMail(open as number),
    enabled: open !== null,
  });
  return (
    <Card withBorder component="section" aria-labelledby="viewer-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="viewer-title">
          {st('admin.mails.title')}
        </Title>
        <Table.ScrollContainer minWidth={0} type="native">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('admin.mails.when')}</Table.Th>
                <Table.Th>{st('admin.mails.to')}</Table.Th>
                <Table.Th>{st('admin.mails.subject')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(mails.data?.items ?? []).slice(0, 50).map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{formatDateTime(m.storedAt, language)}</Table.Td>
                  <Table.Td>{m.recipient}</Table.Td>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => setOpen(m.id)}>
                      {m.subject}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      {/* The list is long: the chosen mail opens over it, in view, instead of below the last row. */}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={mail.data?.subject ?? st('admin.mails.title')}
        closeButtonProps={{ 'aria-label': st('common.close') }}
        size="xl"
      >
        {mail.data ? (
          <Stack gap="xs" data-testid="mail-view">
            <Text size="sm">
              {st('admin.mails.fromTo', { from: mail.data.sender, to: mail.data.recipient })}
            </Text>
            <Code block data-testid="mail-text" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {mail.data.text}
            </Code>
          </Stack>
        ) : mail.error ? (
          <Alert color="red" role="alert">
            {mail.error.message}
          </Alert>
        ) : (
          <Loader size="sm" role="status" aria-label={st('admin.content.loading')} />
        )}
      </Modal>
    </Card>
  );
}

function FailedOutbox() {
  const { st, language } = useStaffT();
  const failed = useQuery({ queryKey: ['admin-outbox', 'failed'], queryFn: () => listOutbox('failed') });
  const retry = useAdminMutation({
    mutationFn: (id: number) => retryOutbox(id),
    success: st('admin.mails.retried'),
    invalidate: [['admin-outbox']],
    notifyError: true,
  });
  const items = failed.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="outbox-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="outbox-title">
          {st('admin.mails.failed')}
        </Title>
        {items.length === 0 ? (
          <Text size="sm">{st('admin.mails.noFailed')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={0} type="native">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{st('admin.mails.when')}</Table.Th>
                  <Table.Th>{st('admin.mails.to')}</Table.Th>
                  <Table.Th>{st('admin.mails.template')}</Table.Th>
                  <Table.Th>{st('admin.mails.error')}</Table.Th>
                  <Table.Th>{st('admin.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{formatDateTime(m.createdAt, language)}</Table.Td>
                    <Table.Td>{m.recipient}</Table.Td>
                    <Table.Td>{m.template}</Table.Td>
                    <Table.Td>{m.lastError ?? '—'}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => retry.mutate(m.id)}>
                        {st('admin.mails.retry')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

const quarantineKey = ['admin-quarantine'];

function Quarantine() {
  const { st, language } = useStaffT();
  const list = useQuery({ queryKey: quarantineKey, queryFn: listQuarantine });
  const discard = useAdminMutation({
    mutationFn: (id: string) => discardInbound(id),
    invalidate: [quarantineKey],
    notifyError: true,
  });
  const items = list.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="quarantine-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="quarantine-title">
          {st('admin.mails.quarantine')}
        </Title>
        {list.error && (
          <Alert color="red" role="alert">
            {list.error.message}
          </Alert>
        )}
        {items.length === 0 ? (
          <Text size="sm">{st('admin.mails.noQuarantine')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={0} type="native">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{st('admin.mails.when')}</Table.Th>
                  <Table.Th>{st('admin.mails.from')}</Table.Th>
                  <Table.Th>{st('admin.mails.subject')}</Table.Th>
                  <Table.Th>{st('admin.mails.reason')}</Table.Th>
                  <Table.Th>{st('admin.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{formatDateTime(m.receivedAt, language)}</Table.Td>
                    <Table.Td>{m.fromAddress ?? '—'}</Table.Td>
                    <Table.Td>{m.subject}</Table.Td>
                    <Table.Td>{m.reason ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <ReleaseForm mailId={m.id} />
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          onClick={() => discard.mutate(m.id)}
                        >
                          {st('admin.mails.discard')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

/** Posts a quarantined mail to the ticket named by its key. */
function ReleaseForm({ mailId }: { mailId: string }) {
  const { st } = useStaffT();
  const [key, setKey] = useState('');
  const release = useAdminMutation({
    mutationFn: async () => {
      const page = await listTickets({ q: key.trim(), limit: '5' });
      const ticket = page.items.find((t) => t.key.toUpperCase() === key.trim().toUpperCase());
      if (!ticket) throw new Error(st('admin.mails.ticketNotFound', { key: key.trim() }));
      return releaseInbound(mailId, ticket.id);
    },
    success: st('admin.mails.released'),
    invalidate: [quarantineKey],
    notifyError: true,
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (key.trim()) release.mutate();
      }}
      style={{ display: 'flex', gap: 4, alignItems: 'flex-end' }}
    >
      <TextInput
        size="xs"
        aria-label={st('admin.mails.ticketKey')}
        placeholder="SUP-1042"
        value={key}
        onChange={(e) => setKey(e.currentTarget.value)}
        w={110}
      />
      <Button size="xs" type="submit" variant="default" loading={release.isPending}>
        {st('admin.mails.release')}
      </Button>
    </form>
  );
}

import { Alert, Badge, Button, Grid, Group, Kbd, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useMe } from '../../api/session';
import { useLiveTickets } from '../../api/staff-live';
import { getStaffSla, getTicket, take, ticketKeys } from '../../api/tickets';
import { PageLoader } from '../../components/guards';
import { ModalOnceOpened } from '../../components/ModalOnceOpened';
import { notify } from '../../components/notify';
import { TicketTimeline } from '../../components/timeline/TicketTimeline';
import { WaitingSchedule } from '../../components/WaitingSchedule';
import { usePageTitle } from '../usePageTitle';
import { formatDateTime } from './format';
import { useStaffT } from './i18n';
import { SlaBadge, useNow } from './sla';
import { useShortcuts } from './useShortcuts';
import { ActionsPanel } from './workspace/ActionsPanel';
import { Composer, type ComposerHandle } from './workspace/Composer';
import { QualifyModal } from './workspace/QualifyModal';
import { SlaPanel } from './workspace/SlaPanel';
import { TimePanel } from './workspace/TimePanel';

const shortcutKeys = ['r', 'n', 'q', 't', '?'] as const;

/** One ticket, everything staff need to handle it, with keyboard shortcuts for the frequent actions. */
export default function TicketWorkspacePage() {
  const { st, language } = useStaffT();
  const { id = '' } = useParams();
  const me = useMe();
  const client = useQueryClient();
  const ticket = useQuery({ queryKey: ticketKeys.detail(id), queryFn: () => getTicket(id) });
  const sla = useQuery({ queryKey: ticketKeys.sla(id), queryFn: () => getStaffSla(id) });
  const [qualifying, setQualifying] = useState(false);
  const [help, setHelp] = useState(false);
  const [changedBy, setChangedBy] = useState<string | null>(null);
  const composer = useRef<ComposerHandle>(null);
  const now = useNow(15_000);
  // Built from a deferred copy: the workspace renders in slices, not in one blocking task.
  const t = useDeferredValue(ticket.data)?.ticket;
  usePageTitle(t ? `${t.key} · ${t.subject}` : st('workspace.title'));

  const reload = () => {
    setChangedBy(null);
    void client.invalidateQueries({ queryKey: ticketKeys.one(id) });
    void client.invalidateQueries({ queryKey: ticketKeys.lists() });
  };

  // Someone else changed this ticket: say who, and let the person reload when they are ready.
  useLiveTickets((event) => {
    if (event.ticketId !== id || event.actorId === me.id) return;
    setChangedBy(event.actorName ?? st('workspace.someone'));
  });

  useShortcuts(
    {
      r: () => t?.abilities.canAnswer && composer.current?.open('public'),
      n: () => t?.abilities.canAddInternalNote && composer.current?.open('internal'),
      q: () => t?.abilities.canQualify && t.status === 'open' && setQualifying(true),
      t: () => {
        if (!t?.abilities.canTake) return;
        take(id).then(
          () => {
            notify({ color: 'green', message: st('actions.taken') });
            reload();
          },
          (error: Error) => notify({ color: 'red', message: error.message }),
        );
      },
      '?': () => setHelp(true),
    },
    !qualifying && !help,
  );

  if (!t && !ticket.error) return <PageLoader />;
  if (ticket.error || !t)
    return (
      <Alert color="red" role="alert">
        {ticket.error?.message}
      </Alert>
    );

  return (
    <Stack gap="md">
      {changedBy && (
        <Alert color="orange" role="alert" title={st('workspace.changedTitle')}>
          <Group justify="space-between">
            <Text>{st('workspace.changedBy', { name: changedBy })}</Text>
            <Button variant="white" color="orange.9" onClick={reload}>
              {st('workspace.reload')}
            </Button>
          </Group>
        </Alert>
      )}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            {t.key} · {t.company.name} · {st(`desk.${t.desk}`)}
          </Text>
          <Title order={1}>{t.subject}</Title>
          <Group gap="xs">
            <Badge variant="filled" color="dark.6" radius="sm">
              {t.statusLabel}
            </Badge>
            <Badge variant="outline" color="dark.6" radius="sm">
              {st('workspace.criticality', { label: t.criticalityLabel })}
            </Badge>
            {t.requestType && (
              <Badge variant="outline" color="dark.6" radius="sm">
                {t.requestType.name}
              </Badge>
            )}
            <SlaBadge state={t.staff?.slaState} />
          </Group>
        </Stack>
        <Button variant="subtle" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          {st('shortcuts.button')}
        </Button>
      </Group>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Table variant="vertical" withTableBorder layout="fixed">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={200}>{st('workspace.requester')}</Table.Th>
                  <Table.Td>{t.creator?.name ?? '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{st('workspace.assignee')}</Table.Th>
                  <Table.Td data-testid="assignee">{t.assignee?.name ?? '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{st('workspace.created')}</Table.Th>
                  <Table.Td>{formatDateTime(t.createdAt, language)}</Table.Td>
                </Table.Tr>
                {(t.rpcReference || t.spcReference) && (
                  <Table.Tr>
                    <Table.Th>{st('workspace.references')}</Table.Th>
                    <Table.Td>
                      {[t.rpcReference && `RPC ${t.rpcReference}`, t.spcReference && `SPC ${t.spcReference}`]
                        .filter(Boolean)
                        .join(' · ')}
                    </Table.Td>
                  </Table.Tr>
                )}
                {(t.softwareVersion || t.module || t.societe) && (
                  <Table.Tr>
                    <Table.Th>{st('workspace.context')}</Table.Th>
                    <Table.Td>
                      {[t.softwareVersion, t.module, t.societe].filter(Boolean).join(' · ')}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
            {(t.abilities.canAnswer || t.abilities.canAddInternalNote) && (
              <Composer
                ref={composer}
                ticketId={t.id}
                canAnswer={t.abilities.canAnswer}
                canNote={t.abilities.canAddInternalNote}
                onSent={reload}
              />
            )}
            <TicketTimeline ticket={t} newestFirst />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <ActionsPanel ticket={t} onChanged={reload} onQualify={() => setQualifying(true)} />
            <SlaPanel sla={sla.data} now={now} />
            {t.waitingSchedule && <WaitingSchedule schedule={t.waitingSchedule} audience="staff" />}
            <TimePanel ticketId={t.id} />
          </Stack>
        </Grid.Col>
      </Grid>

      {qualifying && <QualifyModal ticket={t} onClose={() => setQualifying(false)} onDone={reload} />}
      <ModalOnceOpened
        closeButtonProps={{ 'aria-label': st('common.close') }}
        opened={help}
        onClose={() => setHelp(false)}
        title={st('shortcuts.title')}
      >
        <Table>
          <Table.Tbody>
            {shortcutKeys.map((key) => (
              <Table.Tr key={key}>
                <Table.Td>
                  <Kbd>{key}</Kbd>
                </Table.Td>
                <Table.Td>{st(`shortcuts.keys.${key === '?' ? 'help' : key}`)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td>
                <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd>
              </Table.Td>
              <Table.Td>{st('shortcuts.keys.send')}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ModalOnceOpened>
    </Stack>
  );
}

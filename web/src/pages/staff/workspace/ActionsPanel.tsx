import { Alert, Button, Card, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { staffUsers } from '../../../api/staff';
import {
  assign,
  type CloseReason,
  changeStatus,
  closeTicket,
  type Ticket,
  type TicketStatus,
  take,
} from '../../../api/tickets';
import { useAdminMutation } from '../../../components/useAdminMutation';
import { useStaffT } from '../i18n';
import { TransferModal } from './TransferModal';

const handledElsewhere = new Set<TicketStatus>(['qualified', 'transferred_consulting', 'closed']);
const closeReasons: CloseReason[] = ['solution_delivered', 'no_answer', 'closed_by_customer'];

/** Take, assign, every R6 transition with its fields, transfer to Consulting, close with a reason. */
export function ActionsPanel({
  ticket,
  onChanged,
  onQualify,
}: {
  ticket: Ticket;
  onChanged: () => void;
  onQualify: () => void;
}) {
  const { st } = useStaffT();
  const a = ticket.abilities;
  const [status, setStatus] = useState<TicketStatus | null>(null);
  const [reference, setReference] = useState('');
  const [closeReason, setCloseReason] = useState<CloseReason | null>(null);
  const [assignee, setAssignee] = useState<string | null>(ticket.assignee?.id ?? null);
  const users = useQuery({ queryKey: ['staff-users'], queryFn: staffUsers, enabled: a.canAssign });

  /** Every action: said done, the form emptied, the ticket reloaded; a refusal in a red notice. */
  const after = () => {
    setStatus(null);
    setReference('');
    onChanged();
  };
  const done = (success: string) => ({ success, onSuccess: after, notifyError: true });

  const takeIt = useAdminMutation({ mutationFn: () => take(ticket.id), ...done(st('actions.taken')) });
  const assignIt = useAdminMutation({
    mutationFn: () => assign(ticket.id, assignee),
    ...done(st('actions.assigned')),
  });
  const [transferring, setTransferring] = useState(false);
  const close = useAdminMutation({
    mutationFn: () => closeTicket(ticket.id, closeReason ?? 'solution_delivered'),
    ...done(st('actions.closed')),
  });
  const move = useAdminMutation({
    mutationFn: () =>
      changeStatus(ticket.id, {
        status: status as TicketStatus,
        ...(status === 'waiting_development' ? { rpcReference: reference.trim() } : {}),
        ...(status === 'transferred_development' ? { spcReference: reference.trim() } : {}),
      }),
    ...done(st('actions.statusChanged')),
  });

  const statuses = a.nextStatuses.filter((s) => !handledElsewhere.has(s));
  const needsRpc = status === 'waiting_development';
  const needsSpc = status === 'transferred_development';
  const canTransfer = a.nextStatuses.includes('transferred_consulting');

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="actions-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="actions-title">
          {st('actions.title')}
        </Title>
        <Group gap="xs">
          {a.canQualify && ticket.status === 'open' && (
            <Button onClick={onQualify} aria-keyshortcuts="q">
              {st('actions.qualify')}
            </Button>
          )}
          {a.canTake && (
            <Button onClick={() => takeIt.mutate()} loading={takeIt.isPending} aria-keyshortcuts="t">
              {st('actions.take')}
            </Button>
          )}
        </Group>

        {statuses.length > 0 && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (status) move.mutate();
            }}
          >
            <Stack gap="xs">
              <Select
                label={st('actions.newStatus')}
                placeholder={st('actions.chooseStatus')}
                data={statuses.map((s) => ({ value: s, label: st(`labels:status.${s}`) }))}
                value={status}
                onChange={(v) => setStatus(v as TicketStatus | null)}
              />
              {(needsRpc || needsSpc) && (
                <TextInput
                  label={st(needsRpc ? 'actions.rpcReference' : 'actions.spcReference')}
                  required
                  value={reference}
                  onChange={(e) => setReference(e.currentTarget.value)}
                />
              )}
              <Group>
                <Button
                  type="submit"
                  variant="default"
                  disabled={!status || ((needsRpc || needsSpc) && !reference.trim())}
                  loading={move.isPending}
                >
                  {st('actions.applyStatus')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}

        {a.canAssign && (
          <Group align="flex-end" gap="xs">
            <Select
              label={st('actions.assignee')}
              data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.role})` }))}
              value={assignee}
              onChange={setAssignee}
              searchable
              clearable
            />
            <Button variant="default" onClick={() => assignIt.mutate()} loading={assignIt.isPending}>
              {st('actions.assign')}
            </Button>
          </Group>
        )}

        {canTransfer && (
          <Group>
            <Button variant="outline" onClick={() => setTransferring(true)}>
              {st('actions.transfer')}
            </Button>
          </Group>
        )}
        {transferring && (
          <TransferModal ticket={ticket} onClose={() => setTransferring(false)} onDone={after} />
        )}

        {a.canClose && ticket.status !== 'closed' && (
          <Group align="flex-end" gap="xs">
            <Select
              label={st('actions.closeReason')}
              placeholder={st('actions.chooseReason')}
              data={closeReasons.map((r) => ({ value: r, label: st(`labels:closeReason.${r}`) }))}
              value={closeReason}
              onChange={(v) => setCloseReason(v as CloseReason | null)}
            />
            <Button
              color="red.9"
              disabled={!closeReason}
              onClick={() => close.mutate()}
              loading={close.isPending}
            >
              {st('actions.close')}
            </Button>
          </Group>
        )}
        {(move.error || close.error) && (
          <Alert color="red" role="alert">
            {(move.error ?? close.error)?.message}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

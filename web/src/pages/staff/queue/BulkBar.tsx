import { Alert, Button, Group, List, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { staffUsers } from '../../../api/staff';
import {
  type BulkAction,
  type BulkOutcome,
  bulkAction,
  type CloseReason,
  type TicketStatus,
} from '../../../api/tickets';
import { FormAlert } from '../../../components/FormAlert';
import { ModalOnceOpened } from '../../../components/ModalOnceOpened';
import { useAdminMutation } from '../../../components/useAdminMutation';
import { useStaffT } from '../i18n';

type Kind = BulkAction['kind'];
// Statuses that need more than a click (a reference, a transfer note, a reason) stay on the ticket page.
const statuses: TicketStatus[] = ['qualified', 'in_progress', 'waiting_customer'];
const closeReasons: CloseReason[] = ['solution_delivered', 'no_answer', 'closed_by_customer'];

/**
 * Work on the selected tickets of the queue: assign, change status or close. Each ticket is
 * checked on its own by the server; the answer lists those done and those refused with the reason.
 * Closing asks for confirmation first.
 */
export function BulkBar({
  selected,
  onDone,
}: {
  selected: { id: string; key: string }[];
  onDone: () => void;
}) {
  const { st } = useStaffT();
  const [kind, setKind] = useState<Kind | null>(null);
  const [value, setValue] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const users = useQuery({ queryKey: ['staff-users'], queryFn: staffUsers, enabled: kind === 'assign' });

  const run = useAdminMutation({
    mutationFn: () =>
      bulkAction(
        selected.map((t) => t.id),
        action(kind, value),
      ),
    onSuccess: (result) => {
      setOutcome(result);
      setConfirming(false);
      setKind(null);
      setValue(null);
      onDone();
    },
  });
  const ready = kind === 'assign' || (kind !== null && value !== null);
  const apply = () => (kind === 'close' ? setConfirming(true) : run.mutate());

  const options =
    kind === 'assign'
      ? (users.data ?? []).map((u) => ({ value: u.id, label: u.name }))
      : kind === 'status'
        ? statuses.map((s) => ({ value: s, label: st(`labels:status.${s}`) }))
        : closeReasons.map((r) => ({ value: r, label: st(`labels:closeReason.${r}`) }));

  return (
    <Stack gap="xs" component="section" aria-label={st('bulk.title')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Text fw={600} aria-live="polite">
          {st('bulk.selected', { count: selected.length })}
        </Text>
        <Select
          label={st('bulk.action')}
          placeholder={st('bulk.chooseAction')}
          data={(['assign', 'status', 'close'] as Kind[]).map((k) => ({
            value: k,
            label: st(`bulk.kinds.${k}`),
          }))}
          value={kind}
          onChange={(k) => {
            setKind(k as Kind | null);
            setValue(null);
          }}
          disabled={selected.length === 0}
        />
        {kind && (
          <Select
            label={st(`bulk.values.${kind}`)}
            placeholder={kind === 'assign' ? st('bulk.nobody') : undefined}
            data={options}
            value={value}
            onChange={setValue}
            searchable={kind === 'assign'}
            clearable={kind === 'assign'}
          />
        )}
        <Button
          onClick={apply}
          disabled={!ready || selected.length === 0}
          loading={run.isPending && !confirming}
        >
          {st('bulk.apply')}
        </Button>
      </Group>
      <FormAlert message={run.error?.message ?? null} />
      {outcome && <BulkSummary outcome={outcome} onClose={() => setOutcome(null)} />}
      {confirming && (
        <ModalOnceOpened
          opened
          onClose={() => setConfirming(false)}
          title={st('bulk.confirmTitle', { count: selected.length })}
          closeButtonProps={{ 'aria-label': st('common.close') }}
        >
          <Stack>
            <Text>{st('bulk.confirmText', { count: selected.length })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {st('common.cancel')}
              </Button>
              <Button color="red.9" onClick={() => run.mutate()} loading={run.isPending}>
                {st('bulk.confirm')}
              </Button>
            </Group>
          </Stack>
        </ModalOnceOpened>
      )}
    </Stack>
  );
}

function BulkSummary({ outcome, onClose }: { outcome: BulkOutcome; onClose: () => void }) {
  const { st } = useStaffT();
  return (
    <Alert
      color={outcome.refused.length ? 'orange' : 'green'}
      role="status"
      withCloseButton
      closeButtonLabel={st('common.close')}
      onClose={onClose}
      data-testid="bulk-summary"
    >
      <Text>{st('bulk.done', { count: outcome.done.length })}</Text>
      {outcome.refused.length > 0 && (
        <>
          <Text>{st('bulk.refused', { count: outcome.refused.length })}</Text>
          <List size="sm">
            {outcome.refused.map((r) => (
              <List.Item key={r.id}>
                <strong>{r.key ?? '—'}</strong> : {r.message}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

function action(kind: Kind | null, value: string | null): BulkAction {
  if (kind === 'assign') return { kind, assigneeId: value };
  if (kind === 'status') return { kind, status: value as TicketStatus };
  return { kind: 'close', reason: value as CloseReason };
}

import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { type Ticket, transferToConsulting } from '../../../api/tickets';
import { FormAlert } from '../../../components/FormAlert';
import { ModalOnceOpened } from '../../../components/ModalOnceOpened';
import { useAdminMutation } from '../../../components/useAdminMutation';
import { useStaffT } from '../i18n';

/**
 * R6 transfer, confirmed: a note to the consultants (internal, required) and an optional word to
 * the customer (public, mailed). The consulting desk is told by the server.
 */
export function TransferModal({
  ticket,
  onClose,
  onDone,
}: {
  ticket: Ticket;
  onClose: () => void;
  onDone: () => void;
}) {
  const { st } = useStaffT();
  const [note, setNote] = useState('');
  const [customerMessage, setCustomerMessage] = useState('');
  const [tried, setTried] = useState(false);
  const submit = useAdminMutation({
    mutationFn: () =>
      transferToConsulting(ticket.id, { note, customerMessage: customerMessage.trim() || null }),
    onSuccess: () => {
      onDone();
      onClose();
    },
    success: st('actions.transferred'),
  });
  const noteMissing = tried && !note.trim();

  return (
    <ModalOnceOpened
      closeButtonProps={{ 'aria-label': st('common.close') }}
      opened
      onClose={onClose}
      title={st('transfer.title', { key: ticket.key })}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (note.trim()) submit.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{st('transfer.explain')}</Text>
          <Textarea
            label={st('transfer.note')}
            description={st('transfer.noteHelp')}
            required
            autosize
            minRows={3}
            value={note}
            error={noteMissing ? st('transfer.noteRequired') : undefined}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus
          />
          <Textarea
            label={st('transfer.customerMessage')}
            description={st('transfer.customerMessageHelp')}
            autosize
            minRows={2}
            value={customerMessage}
            onChange={(e) => setCustomerMessage(e.currentTarget.value)}
          />
          <FormAlert message={submit.error?.message ?? null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {st('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.isPending}>
              {st('transfer.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ModalOnceOpened>
  );
}

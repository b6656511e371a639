import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Ticket, unwatchTicket, watchTicket } from '../../../api/tickets';
import { FormAlert } from '../../../components/FormAlert';
import { useErrorText } from '../shared';
import { useRefreshTicket } from './useRefreshTicket';

/** A colleague of the company follows the request: its public e-mails reach them too. */
export function WatchButton({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const refresh = useRefreshTicket(ticket.id);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const toggle = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await (ticket.watching ? unwatchTicket(ticket.id) : watchTicket(ticket.id));
      await refresh();
    } catch (e) {
      setFailure(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="sm" data-testid="watch">
      <Button
        variant={ticket.watching ? 'filled' : 'default'}
        size="xs"
        aria-pressed={ticket.watching}
        loading={busy}
        onClick={() => void toggle()}
      >
        {t('portal:ticket.watch')}
      </Button>
      <Text size="sm" c="dimmed" aria-live="polite">
        {ticket.watching ? t('portal:ticket.watching') : t('portal:ticket.watchHint')}
      </Text>
      <FormAlert message={failure} />
    </Group>
  );
}

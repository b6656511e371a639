import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { closeTicket, type Ticket } from '../../../api/tickets';
import { FormAlert } from '../../../components/FormAlert';
import { ModalOnceOpened } from '../../../components/ModalOnceOpened';
import { notify } from '../../../components/notify';
import { useErrorText } from '../shared';
import { useRefreshTicket } from './useRefreshTicket';

/** R10: a closed ticket takes no more answers; a new one, linked to it, does. */
export function ClosedExplanation({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const newPath = ticket.desk === 'consulting' ? '/requests/new' : '/tickets/new';
  return (
    <Alert
      color="gray"
      variant="light"
      title={t('portal:ticket.closedTitle')}
      data-testid="closed-explanation"
    >
      <Stack gap="sm">
        <Text>{t('portal:ticket.closedText')}</Text>
        <Button component={Link} to={`${newPath}?linkedTo=${ticket.id}`} style={{ alignSelf: 'flex-start' }}>
          {t('portal:ticket.openLinked')}
        </Button>
      </Stack>
    </Alert>
  );
}

export function CloseButton({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const refresh = useRefreshTicket(ticket.id);
  const [opened, { open, close }] = useDisclosure(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const confirm = async () => {
    setClosing(true);
    setFailure(null);
    try {
      await closeTicket(ticket.id);
      close();
      await refresh();
      notify({ color: 'green', message: t('portal:ticket.closedDone', { key: ticket.key }) });
    } catch (e) {
      setFailure(errorText(e));
    } finally {
      setClosing(false);
    }
  };
  return (
    <>
      <Button variant="default" onClick={open} style={{ alignSelf: 'flex-start' }}>
        {t('portal:ticket.close')}
      </Button>
      <ModalOnceOpened
        opened={opened}
        onClose={close}
        title={t('portal:ticket.closeConfirmTitle', { key: ticket.key })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>{t('portal:ticket.closeConfirmText')}</Text>
          <FormAlert message={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={closing} onClick={() => void confirm()}>
              {t('portal:ticket.closeConfirm')}
            </Button>
          </Group>
        </Stack>
      </ModalOnceOpened>
    </>
  );
}

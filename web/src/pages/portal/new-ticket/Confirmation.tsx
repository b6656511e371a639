import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ticket } from '../../../api/tickets';

export function Confirmation({ ticket, onAnother }: { ticket: Ticket; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('portal:newTicket.createdTitle')}</Title>
      <Alert color="green" variant="light" role="status" data-testid="ticket-created">
        <Stack gap="xs">
          <Text size="lg">
            {t('portal:newTicket.createdKey')} <strong data-testid="ticket-key">{ticket.key}</strong>
          </Text>
          <Text>{t('portal:newTicket.createdText')}</Text>
          <Text size="sm">{ticket.nextStep}</Text>
        </Stack>
      </Alert>
      <Group>
        <Button component={Link} to={`/tickets/${ticket.id}`}>
          {t('portal:newTicket.openTicket', { key: ticket.key })}
        </Button>
        <Button variant="default" onClick={onAnother}>
          {t('portal:newTicket.another')}
        </Button>
      </Group>
    </Stack>
  );
}

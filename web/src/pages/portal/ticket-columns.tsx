import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketListItem } from '../../api/tickets';
import type { TicketColumn } from '../../components/TicketTable';
import { StatusBadge, useFormatDate, useStatusMeaning } from './shared';

/**
 * The columns of the customer's ticket lists. The full list adds the desk, the request type and
 * what the status means for the customer; the home page's short list keeps to the essentials.
 */
export function usePortalTicketColumns({ full }: { full: boolean }): TicketColumn<TicketListItem>[] {
  const { t } = useTranslation();
  const format = useFormatDate();
  const meaning = useStatusMeaning();
  const deskLine = (ticket: TicketListItem) => (
    <Text size="xs" c="dimmed">
      {ticket.desk === 'support' ? t('portal:desk.support') : t('portal:desk.consulting')}
      {ticket.requestType ? ` · ${ticket.requestType.name}` : ''}
    </Text>
  );
  const badge = (ticket: TicketListItem) => <StatusBadge status={ticket.status} label={ticket.statusLabel} />;
  const columns: (TicketColumn<TicketListItem> | false)[] = [
    {
      id: 'key',
      label: t('portal:tickets.key'),
      card: 'title',
      cell: (ticket) => (
        <Anchor component={Link} to={`/tickets/${ticket.id}`} fw={600} style={{ whiteSpace: 'nowrap' }}>
          {ticket.key}
        </Anchor>
      ),
    },
    {
      id: 'subject',
      label: t('portal:tickets.subject'),
      card: 'text',
      cell: (ticket) => (
        <>
          {ticket.subject}
          {full && deskLine(ticket)}
        </>
      ),
    },
    {
      id: 'status',
      label: t('portal:tickets.status'),
      card: 'aside',
      cell: (ticket) =>
        full ? (
          <>
            {badge(ticket)}
            <Text size="xs" mt={2}>
              {meaning(ticket.status)}
            </Text>
          </>
        ) : (
          badge(ticket)
        ),
      cardCell: badge,
    },
    full && {
      id: 'criticality',
      label: t('portal:tickets.criticality'),
      cell: (ticket) => ticket.criticalityLabel,
    },
    { id: 'updated', label: t('portal:tickets.updated'), cell: (ticket) => format(ticket.updatedAt) },
    full && {
      id: 'meaning',
      label: t('portal:tickets.status'),
      card: 'text',
      only: 'cards',
      cell: (ticket) => <Text size="xs">{meaning(ticket.status)}</Text>,
    },
  ];
  return columns.filter((column): column is TicketColumn<TicketListItem> => column !== false);
}

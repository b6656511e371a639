import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { criticalitySchema, ticketStatusSchema } from '../../../../src/http/schemas/tickets';
import { listTickets, type TicketFilters, type TicketStatus, ticketKeys } from '../../api/tickets';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { usePageTitle } from '../usePageTitle';
import { StatusBadge, useErrorText, useFormatDate, useStatusMeaning } from './shared';

const statuses: readonly TicketStatus[] = ticketStatusSchema.options;
const criticalities = criticalitySchema.options;

/** The company's tickets: filters and search live in the address, so a view can be shared. */
export default function TicketsPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal:tickets.title'));
  const format = useFormatDate();
  const meaning = useStatusMeaning();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const status = params.get('status') ?? '';
  const desk = params.get('desk') ?? '';
  const criticality = params.get('criticality') ?? '';
  const mine = params.get('mine') === 'true';
  const [q] = useDebouncedValue(params.get('q') ?? '', 300);

  const filters: TicketFilters = {
    ...(status === 'active' ? { status: statuses.filter((s) => s !== 'closed') } : status ? { status } : {}),
    ...(desk ? { desk } : {}),
    ...(criticality ? { criticality } : {}),
    ...(mine ? { mine: 'true' } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
    limit: '50',
  };
  const list = useInfiniteQuery({
    queryKey: ticketKeys.list(filters),
    queryFn: ({ pageParam }) => listTickets(filters, pageParam),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // Under 600 px a row of five columns does not fit: each ticket becomes a card.
  const phone = useMediaQuery('(max-width: 599.98px)');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('portal:tickets.title')}</Title>
        <Group>
          <Button component={Link} to="/tickets/new">
            {t('portal:home.newSupport')}
          </Button>
          <Button component={Link} to="/requests/new" variant="outline">
            {t('portal:home.newConsulting')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="md" radius="md" component="section" aria-label={t('portal:tickets.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <TextInput
            label={t('portal:tickets.search')}
            description={t('portal:tickets.searchHint')}
            type="search"
            value={params.get('q') ?? ''}
            onChange={(e) => set('q', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('portal:tickets.status')}
            value={status}
            onChange={(e) => set('status', e.currentTarget.value)}
            data={[
              { value: '', label: t('portal:tickets.all') },
              { value: 'active', label: t('portal:tickets.allOpen') },
              ...statuses.map((s) => ({ value: s, label: t(`labels:status.${s}`) })),
            ]}
          />
          <NativeSelect
            label={t('portal:tickets.desk')}
            value={desk}
            onChange={(e) => set('desk', e.currentTarget.value)}
            data={[
              { value: '', label: t('portal:tickets.all') },
              { value: 'support', label: t('portal:desk.support') },
              { value: 'consulting', label: t('portal:desk.consulting') },
            ]}
          />
          <NativeSelect
            label={t('portal:tickets.criticality')}
            value={criticality}
            onChange={(e) => set('criticality', e.currentTarget.value)}
            data={[
              { value: '', label: t('portal:tickets.all') },
              ...criticalities.map((c) => ({ value: c, label: t(`labels:criticality.${c}`) })),
            ]}
          />
        </SimpleGrid>
        <Checkbox
          mt="md"
          label={t('portal:tickets.mine')}
          checked={mine}
          onChange={(e) => set('mine', e.currentTarget.checked ? 'true' : '')}
        />
      </Paper>
      {list.error && <FormAlert message={errorText(list.error)} />}
      {list.isPending && <PageLoader />}
      {list.data && items.length === 0 && <Text>{t('portal:tickets.none')}</Text>}
      {items.length > 0 && phone && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="tickets-cards">
          <Text size="sm" c="dimmed">
            {t('portal:tickets.caption', { count: items.length })}
          </Text>
          {items.map((ticket) => (
            <Card key={ticket.id} withBorder component="li" padding="sm">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Anchor
                  component={Link}
                  to={`/tickets/${ticket.id}`}
                  fw={600}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {ticket.key}
                </Anchor>
                <StatusBadge status={ticket.status} label={ticket.statusLabel} />
              </Group>
              <Text mt={4} style={{ overflowWrap: 'anywhere' }}>
                {ticket.subject}
              </Text>
              <Text size="xs" c="dimmed">
                {ticket.desk === 'support' ? t('portal:desk.support') : t('portal:desk.consulting')}
                {ticket.requestType ? ` · ${ticket.requestType.name}` : ''}
              </Text>
              <Group gap="md" mt={4}>
                <Text size="sm">
                  <Text span c="dimmed" size="sm">
                    {t('portal:tickets.criticality')}
                  </Text>{' '}
                  {ticket.criticalityLabel}
                </Text>
                <Text size="sm">
                  <Text span c="dimmed" size="sm">
                    {t('portal:tickets.updated')}
                  </Text>{' '}
                  {format(ticket.updatedAt)}
                </Text>
              </Group>
              <Text size="xs">{meaning(ticket.status)}</Text>
            </Card>
          ))}
        </Stack>
      )}
      {items.length > 0 && !phone && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="tickets-table">
            <Table.Caption>{t('portal:tickets.caption', { count: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('portal:tickets.key')}</Table.Th>
                <Table.Th>{t('portal:tickets.subject')}</Table.Th>
                <Table.Th>{t('portal:tickets.status')}</Table.Th>
                <Table.Th>{t('portal:tickets.criticality')}</Table.Th>
                <Table.Th>{t('portal:tickets.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((ticket) => (
                <Table.Tr key={ticket.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/tickets/${ticket.id}`} fw={600}>
                      {ticket.key}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {ticket.subject}
                    <Text size="xs" c="dimmed">
                      {ticket.desk === 'support' ? t('portal:desk.support') : t('portal:desk.consulting')}
                      {ticket.requestType ? ` · ${ticket.requestType.name}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={ticket.status} label={ticket.statusLabel} />
                    <Text size="xs" mt={2}>
                      {meaning(ticket.status)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{ticket.criticalityLabel}</Table.Td>
                  <Table.Td>{format(ticket.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('portal:tickets.more')}
        </Button>
      )}
    </Stack>
  );
}

import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { criticalitySchema, ticketStatusSchema } from '../../../../src/http/schemas/tickets';
import { listTickets, type TicketFilters, type TicketStatus, ticketKeys } from '../../api/tickets';
import { FormAlert } from '../../components/FormAlert';
import { PageLoader } from '../../components/guards';
import { TicketTable } from '../../components/TicketTable';
import { usePageTitle } from '../usePageTitle';
import { useErrorText } from './shared';
import { usePortalTicketColumns } from './ticket-columns';

const statuses: readonly TicketStatus[] = ticketStatusSchema.options;
const criticalities = criticalitySchema.options;

/** The company's tickets: filters and search live in the address, so a view can be shared. */
export default function TicketsPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal:tickets.title'));
  const columns = usePortalTicketColumns({ full: true });
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
  // Built from a deferred copy: a long list renders in slices, not in one blocking task.
  const shown = useDeferredValue(list.data);
  const items = shown?.pages.flatMap((p) => p.items) ?? [];

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
      {!shown && !list.error && <PageLoader />}
      {shown && items.length === 0 && <Text>{t('portal:tickets.none')}</Text>}
      {items.length > 0 && (
        <TicketTable
          items={items}
          columns={columns}
          caption={t('portal:tickets.caption', { count: items.length })}
          tableTestId="tickets-table"
          cardsTestId="tickets-cards"
          minWidth={720}
        />
      )}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('portal:tickets.more')}
        </Button>
      )}
    </Stack>
  );
}

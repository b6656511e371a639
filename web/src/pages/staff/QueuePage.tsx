import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { CRITICALITIES } from '../../../../src/http/schemas/vocabulary';
import { type TicketChanged, useLiveTickets } from '../../api/staff-live';
import { exportUrl, type TicketFilters, ticketKeys, ticketPages } from '../../api/tickets';
import type { SavedView } from '../../api/views';
import { PageLoader } from '../../components/guards';
import { TicketTable } from '../../components/TicketTable';
import { usePageTitle } from '../usePageTitle';
import { useStaffT } from './i18n';
import { BulkBar } from './queue/BulkBar';
import { queueColumns } from './queue/queue-columns';
import { SavedViews } from './queue/SavedViews';
import type { SortOrder } from './queue/SortHeader';
import { firstPageOf, isQueue, QUEUES, queueOf } from './queues';
import { useNow } from './sla';

const criticalities = CRITICALITIES;
const sorts = ['engagementDueAt', 'resolutionDueAt', 'updatedAt', 'createdAt', 'criticality', 'key'];
const defaultOrder = (sort: string): SortOrder =>
  sort === 'updatedAt' || sort === 'createdAt' ? 'desc' : 'asc';
/** The staff queues: the next ticket to handle is at the top, and the list follows changes live. */
export default function QueuePage() {
  const { st, language } = useStaffT();
  const params = useParams();
  const navigate = useNavigate();
  const queue = queueOf(params.queue);
  usePageTitle(`${st('queue.title')} · ${st(`queue.names.${queue}`)}`);

  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [criticality, setCriticality] = useState<string[]>([]);
  const [sla, setSla] = useState<string | null>(null);
  const [sort, setSort] = useState<string | null>(null);
  const [order, setOrder] = useState<SortOrder>('asc');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');

  const filters: TicketFilters = useMemo(() => {
    const f = firstPageOf(queue);
    if (q) f.q = q;
    if (criticality.length) f.criticality = criticality;
    if (sla) f.sla = sla;
    if (sort) {
      f.sort = sort;
      f.order = order;
    } else if (q) {
      f.sort = 'relevance';
      delete f.order;
    }
    return f;
  }, [queue, q, criticality, sla, sort, order]);

  const client = useQueryClient();
  const list = useInfiniteQuery({ ...ticketPages(filters), placeholderData: keepPreviousData });

  // Live: any change refetches the queues (coalesced), and is announced to screen readers.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveTickets((event: TicketChanged) => {
    setAnnouncement(st('queue.liveChanged', { key: event.key }));
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void client.invalidateQueries({ queryKey: ticketKeys.lists() });
    }, 250);
  });

  const now = useNow(15_000);
  // The list is built from a deferred copy of the answer: fifty cards render in slices that leave
  // the main thread free between them, not in the one blocking task of a store update.
  const shown = useDeferredValue(list.data);
  const items = shown?.pages.flatMap((p) => p.items) ?? [];
  const chosen = items.filter((item) => selected.has(item.id));
  const allChosen = items.length > 0 && chosen.length === items.length;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const sortBy = (column: string, next: SortOrder) => {
    setSort(column || null);
    setOrder(next);
  };

  const applyView = (view: SavedView) => {
    const f = view.filters;
    const viewQueue = typeof f.queue === 'string' && isQueue(f.queue) ? f.queue : queue;
    setSearch(typeof f.q === 'string' ? f.q : '');
    setCriticality(Array.isArray(f.criticality) ? f.criticality : f.criticality ? [f.criticality] : []);
    setSla(typeof f.sla === 'string' ? f.sla : null);
    setSort(typeof f.sort === 'string' ? f.sort : null);
    setOrder(f.order === 'desc' ? 'desc' : 'asc');
    void navigate(`/queues/${viewQueue}`);
  };

  return (
    <Stack gap="md">
      <Title order={1}>{st('queue.title')}</Title>
      <div aria-live="polite" role="status">
        <VisuallyHidden>{announcement}</VisuallyHidden>
      </div>
      <Tabs
        value={queue}
        onChange={(value) => value && void navigate(`/queues/${value}`)}
        keepMounted={false}
      >
        <Tabs.List aria-label={st('queue.title')}>
          {QUEUES.map((id) => (
            <Tabs.Tab key={id} value={id}>
              {st(`queue.names.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={st('queue.search')}
          placeholder={st('queue.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ minWidth: 240 }}
        />
        <MultiSelect
          label={st('queue.criticality')}
          data={criticalities.map((c) => ({ value: c, label: st(`labels:criticality.${c}`) }))}
          value={criticality}
          onChange={setCriticality}
          clearable
          style={{ minWidth: 200 }}
        />
        <Select
          label={st('queue.slaFilter')}
          data={[
            { value: 'at_risk', label: st('sla.state.at_risk') },
            { value: 'breached', label: st('sla.state.breached') },
          ]}
          value={sla}
          onChange={setSla}
          clearable
          placeholder={st('queue.any')}
        />
        <Select
          label={st('queue.sort')}
          data={sorts.map((s) => ({ value: s, label: st(`queue.sorts.${s}`) }))}
          value={sort}
          onChange={(value) => sortBy(value ?? '', defaultOrder(value ?? ''))}
          clearable
          placeholder={st('queue.defaultSort')}
        />
        <Button component="a" href={exportUrl(filters)} download variant="default">
          {st('queue.export')}
        </Button>
      </Group>

      <SavedViews current={{ ...filters, queue }} onApply={applyView} />

      {list.error && (
        <Alert color="red" role="alert">
          {list.error.message}
        </Alert>
      )}
      {!shown && !list.error ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Text>{st('queue.empty')}</Text>
      ) : (
        <>
          <BulkBar
            selected={chosen.map(({ id, key }) => ({ id, key }))}
            onDone={() => {
              setSelected(new Set());
              void client.invalidateQueries({ queryKey: ticketKeys.lists() });
            }}
          />
          <TicketTable
            items={items}
            columns={queueColumns({
              st,
              language,
              now,
              sort,
              order,
              onSort: sortBy,
              selected,
              toggle,
              allChosen,
              someChosen: chosen.length > 0,
              toggleAll: () => setSelected(new Set(allChosen ? [] : items.map((i) => i.id))),
            })}
            caption={st('queue.caption', { count: items.length })}
            tableTestId="queue-table"
            cardsTestId="queue-cards"
            minWidth={900}
            rowAttributes={(item) => ({ 'data-ticket-key': item.key })}
          />
        </>
      )}
      {list.hasNextPage && (
        <Group>
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {st('queue.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

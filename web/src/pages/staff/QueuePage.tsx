import {
  Alert,
  Anchor,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type TicketChanged, useLiveTickets } from '../../api/staff-live';
import {
  deleteView,
  listTickets,
  listViews,
  type QueueFilters,
  type SavedView,
  saveView,
} from '../../api/staff-tickets';
import { PageLoader } from '../../components/guards';
import { notify } from '../../components/notify';
import { usePageTitle } from '../usePageTitle';
import { formatDateTime } from './format';
import { useStaffT } from './i18n';
import { isQueue, QUEUE_FILTERS, QUEUES, type QueueId, relevantDue } from './queues';
import { Remaining, SlaBadge, useNow } from './sla';

const criticalities = ['critique', 'haute', 'moyenne', 'basse'];
const sorts = ['engagementDueAt', 'resolutionDueAt', 'updatedAt', 'createdAt', 'criticality', 'key'];

/** The staff queues: the next ticket to handle is at the top, and the list follows changes live. */
export default function QueuePage() {
  const { st, language } = useStaffT();
  const params = useParams();
  const navigate = useNavigate();
  const queue: QueueId = isQueue(params.queue) ? params.queue : 'toQualify';
  usePageTitle(`${st('queue.title')} · ${st(`queue.names.${queue}`)}`);

  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [criticality, setCriticality] = useState<string[]>([]);
  const [sla, setSla] = useState<string | null>(null);
  const [sort, setSort] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const base = QUEUE_FILTERS[queue];
  const filters: QueueFilters = useMemo(() => {
    const f: QueueFilters = { ...base, limit: '50' };
    if (q) f.q = q;
    if (criticality.length) f.criticality = criticality;
    if (sla) f.sla = sla;
    if (sort) {
      f.sort = sort;
      f.order = sort === 'updatedAt' || sort === 'createdAt' ? 'desc' : 'asc';
    } else if (q) {
      f.sort = 'relevance';
      delete f.order;
    }
    return f;
  }, [base, q, criticality, sla, sort]);

  const client = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: ['staff-queue', filters],
    queryFn: ({ pageParam }) => listTickets(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });

  // Live: any change refetches the queues (coalesced), and is announced to screen readers.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveTickets((event: TicketChanged) => {
    setAnnouncement(st('queue.liveChanged', { key: event.key }));
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void client.invalidateQueries({ queryKey: ['staff-queue'] });
    }, 250);
  });

  const now = useNow(15_000);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const applyView = (view: SavedView) => {
    const f = view.filters;
    const queueOf = typeof f.queue === 'string' && isQueue(f.queue) ? f.queue : queue;
    setSearch(typeof f.q === 'string' ? f.q : '');
    setCriticality(Array.isArray(f.criticality) ? f.criticality : f.criticality ? [f.criticality] : []);
    setSla(typeof f.sla === 'string' ? f.sla : null);
    setSort(typeof f.sort === 'string' ? f.sort : null);
    void navigate(`/queues/${queueOf}`);
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
          onChange={setSort}
          clearable
          placeholder={st('queue.defaultSort')}
        />
      </Group>

      <SavedViews current={{ ...filters, queue }} onApply={applyView} />

      {list.error && (
        <Alert color="red" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Text>{st('queue.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="queue-table">
            <Table.Caption>{st('queue.caption', { count: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('queue.columns.key')}</Table.Th>
                <Table.Th>{st('queue.columns.subject')}</Table.Th>
                <Table.Th>{st('queue.columns.company')}</Table.Th>
                <Table.Th>{st('queue.columns.status')}</Table.Th>
                <Table.Th>{st('queue.columns.criticality')}</Table.Th>
                <Table.Th>{st('queue.columns.assignee')}</Table.Th>
                <Table.Th>{st('queue.columns.sla')}</Table.Th>
                <Table.Th>{st('queue.columns.due')}</Table.Th>
                <Table.Th>{st('queue.columns.remaining')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const due = relevantDue(item);
                return (
                  <Table.Tr key={item.id} data-ticket-key={item.key}>
                    <Table.Td>
                      <Anchor component={Link} to={`/staff/tickets/${item.id}`} fw={600}>
                        {item.key}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{item.subject}</Table.Td>
                    <Table.Td>{item.companyName}</Table.Td>
                    <Table.Td data-testid="queue-status">{item.statusLabel}</Table.Td>
                    <Table.Td>{item.criticalityLabel}</Table.Td>
                    <Table.Td>{item.assignee?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <SlaBadge state={item.slaState} />
                    </Table.Td>
                    <Table.Td data-testid="queue-due">{formatDateTime(due, language)}</Table.Td>
                    <Table.Td>
                      <Remaining dueAt={due} now={now} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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

function SavedViews({ current, onApply }: { current: QueueFilters; onApply: (view: SavedView) => void }) {
  const { st } = useStaffT();
  const client = useQueryClient();
  const views = useQuery({ queryKey: ['staff-views'], queryFn: listViews });
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const { limit: _limit, ...filters } = current;
      return saveView(name.trim(), filters);
    },
    onSuccess: () => {
      setName('');
      notify({ color: 'green', message: st('views.saved') });
      void client.invalidateQueries({ queryKey: ['staff-views'] });
    },
    onError: (error) => notify({ color: 'red', message: error.message }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteView(id),
    onSuccess: () => {
      setChosen(null);
      void client.invalidateQueries({ queryKey: ['staff-views'] });
    },
  });
  const items = views.data?.items ?? [];
  const selected = items.find((v) => v.id === chosen) ?? null;

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" component="section" aria-label={st('views.title')}>
      <Select
        label={st('views.title')}
        placeholder={items.length ? st('views.choose') : st('views.none')}
        data={items.map((v) => ({ value: v.id, label: v.name }))}
        value={chosen}
        onChange={(id) => {
          setChosen(id);
          const view = items.find((v) => v.id === id);
          if (view) onApply(view);
        }}
        clearable
        disabled={items.length === 0}
      />
      {selected && (
        <Button variant="outline" color="red.9" onClick={() => remove.mutate(selected.id)}>
          {st('views.delete', { name: selected.name })}
        </Button>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) save.mutate();
        }}
        style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}
      >
        <TextInput
          label={st('views.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={80}
        />
        <Button type="submit" variant="default" loading={save.isPending} disabled={!name.trim()}>
          {st('views.save')}
        </Button>
      </form>
    </Group>
  );
}

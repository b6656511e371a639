import { Anchor, Checkbox, Table } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { TicketListItem } from '../../../api/tickets';
import type { CardPlace, TicketColumn } from '../../../components/TicketTable';
import { formatDateTime } from '../format';
import { relevantDue } from '../queues';
import { Remaining, SlaBadge } from '../sla';
import { SortHeader, type SortOrder } from './SortHeader';

interface QueueColumnsInput {
  st: TFunction;
  language: string;
  now: number;
  sort: string | null;
  order: SortOrder;
  onSort: (column: string, order: SortOrder) => void;
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  allChosen: boolean;
  someChosen: boolean;
  toggleAll: () => void;
}

type Sortable = Omit<TicketColumn<TicketListItem>, 'label' | 'headerCell'> & {
  sortKey: string;
  card?: CardPlace;
};

/** The queue's columns: a box to select the ticket for bulk work, then one sortable column each. */
export function queueColumns(input: QueueColumnsInput): TicketColumn<TicketListItem>[] {
  const { st, language, now } = input;
  const sortable = ({ sortKey, ...column }: Sortable): TicketColumn<TicketListItem> => ({
    ...column,
    label: st(`queue.columns.${column.id}`),
    headerCell: (
      <SortHeader column={sortKey} sort={input.sort} order={input.order} onSort={input.onSort}>
        {st(`queue.columns.${column.id}`)}
      </SortHeader>
    ),
  });
  return [
    {
      id: 'select',
      label: st('bulk.selectAll'),
      card: 'lead',
      headerCell: (
        <Table.Th>
          <Checkbox
            aria-label={st('bulk.selectAll')}
            checked={input.allChosen}
            indeterminate={input.someChosen && !input.allChosen}
            onChange={input.toggleAll}
          />
        </Table.Th>
      ),
      cell: (item) => (
        <Checkbox
          aria-label={st('bulk.select', { key: item.key })}
          checked={input.selected.has(item.id)}
          onChange={() => input.toggle(item.id)}
        />
      ),
    },
    sortable({
      id: 'key',
      sortKey: 'key',
      card: 'title',
      cell: (item) => (
        <Anchor component={Link} to={`/staff/tickets/${item.id}`} fw={600}>
          {item.key}
        </Anchor>
      ),
    }),
    sortable({ id: 'subject', sortKey: 'subject', card: 'text', cell: (item) => item.subject }),
    sortable({ id: 'company', sortKey: 'company', cell: (item) => item.companyName }),
    sortable({ id: 'status', sortKey: 'status', testId: 'queue-status', cell: (item) => item.statusLabel }),
    sortable({ id: 'criticality', sortKey: 'criticality', cell: (item) => item.criticalityLabel }),
    sortable({ id: 'assignee', sortKey: 'assignee', cell: (item) => item.assignee?.name ?? '—' }),
    sortable({
      id: 'sla',
      sortKey: 'engagementDueAt',
      card: 'aside',
      cell: (item) => <SlaBadge state={item.slaState} />,
    }),
    sortable({
      id: 'due',
      sortKey: 'resolutionDueAt',
      testId: 'queue-due',
      cell: (item) => formatDateTime(relevantDue(item), language),
    }),
    sortable({
      id: 'remaining',
      sortKey: 'resolutionDueAt',
      cell: (item) => <Remaining dueAt={relevantDue(item)} now={now} />,
    }),
  ];
}

import { Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

export type SortOrder = 'asc' | 'desc';

/**
 * A column header that sorts the queue: a click sorts by the column, a second click reverses the
 * order. The header says its order to assistive technology (aria-sort).
 */
export function SortHeader({
  column,
  sort,
  order,
  onSort,
  children,
}: {
  column: string;
  sort: string | null;
  order: SortOrder;
  onSort: (column: string, order: SortOrder) => void;
  children: ReactNode;
}) {
  const active = sort === column;
  return (
    <Table.Th aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(column, active && order === 'asc' ? 'desc' : 'asc')}
        fw={700}
        fz="sm"
        data-sort-column={column}
      >
        {children}
        {active ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

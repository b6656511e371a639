import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Fragment, type ReactNode } from 'react';
import { useGrowingCount } from './useGrowingCount';

/**
 * Where a column goes when the list is shown as cards: `lead` and `title` open the card's first
 * line (a checkbox, the key), `aside` ends it (the status badge), `text` is a line of its own
 * without a label (the subject), `labelled` a "label value" pair, `hidden` stays off the card.
 */
export type CardPlace = 'lead' | 'title' | 'aside' | 'text' | 'labelled' | 'hidden';

export interface TicketColumn<T> {
  id: string;
  /** The column's name: the table header, and the label of the value on a card. */
  label: string;
  cell: (item: T) => ReactNode;
  /** What the card shows when it differs from the table cell (a badge without its explanation, say). */
  cardCell?: (item: T) => ReactNode;
  /** A header cell of its own (a sort button, a select-all box) instead of the plain label. */
  headerCell?: ReactNode;
  card?: CardPlace;
  /** A column shown only in the table or only on the cards. */
  only?: 'table' | 'cards';
  testId?: string;
}

interface TicketTableProps<T> {
  items: T[];
  columns: TicketColumn<T>[];
  caption: string;
  tableTestId: string;
  cardsTestId: string;
  /** Below this width the table scrolls inside its container rather than squeezing its columns. */
  minWidth: number;
  rowAttributes?: (item: T) => Record<`data-${string}`, string>;
  striped?: boolean;
}

/**
 * One list of tickets for the portal and the console: a table on a wide screen, and under 600 px,
 * where a row of columns cannot fit, one card per ticket with the same columns.
 */
export function TicketTable<T extends { id: string }>(props: TicketTableProps<T>) {
  // Read at the first render (the portal has no server rendering): otherwise a phone would build
  // the whole table first, then throw it away for the cards.
  const phone = useMediaQuery('(max-width: 599.98px)', undefined, { getInitialValueInEffect: false });
  const count = useGrowingCount(props.items.length);
  const items = count < props.items.length ? props.items.slice(0, count) : props.items;
  return phone ? <TicketCards {...props} items={items} /> : <TicketRows {...props} items={items} />;
}

function TicketRows<T extends { id: string }>({
  items,
  columns,
  caption,
  tableTestId,
  minWidth,
  rowAttributes,
  striped = true,
}: TicketTableProps<T>) {
  const shown = columns.filter((column) => column.only !== 'cards');
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped={striped} highlightOnHover verticalSpacing="xs" data-testid={tableTestId}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {shown.map((column) => (
              <Fragment key={column.id}>{column.headerCell ?? <Table.Th>{column.label}</Table.Th>}</Fragment>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} {...rowAttributes?.(item)}>
              {shown.map((column) => (
                <Table.Td key={column.id} data-testid={column.testId}>
                  {column.cell(item)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TicketCards<T extends { id: string }>({
  items,
  columns,
  caption,
  cardsTestId,
  rowAttributes,
}: TicketTableProps<T>) {
  const placed = (place: CardPlace) =>
    columns.filter((column) => column.only !== 'table' && (column.card ?? 'labelled') === place);
  const [head, aside, text, labelled] = [
    [...placed('lead'), ...placed('title')],
    placed('aside'),
    placed('text'),
    placed('labelled'),
  ];
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid={cardsTestId}>
      <Text size="sm" c="dimmed">
        {caption}
      </Text>
      {items.map((item) => (
        <Card key={item.id} withBorder component="li" padding="sm" {...rowAttributes?.(item)}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="xs" wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
              {head.map((column) => (
                <span key={column.id} data-testid={column.testId}>
                  {(column.cardCell ?? column.cell)(item)}
                </span>
              ))}
            </Group>
            {aside.map((column) => (
              <span key={column.id} data-testid={column.testId}>
                {(column.cardCell ?? column.cell)(item)}
              </span>
            ))}
          </Group>
          {text.map((column) => (
            <Text
              key={column.id}
              component="div"
              mt={4}
              style={{ overflowWrap: 'anywhere' }}
              data-testid={column.testId}
            >
              {(column.cardCell ?? column.cell)(item)}
            </Text>
          ))}
          <Group gap="md" mt={4}>
            {labelled.map((column) => (
              <Text key={column.id} component="div" size="sm" data-testid={column.testId}>
                <Text span c="dimmed" size="sm">
                  {column.label}
                </Text>{' '}
                {(column.cardCell ?? column.cell)(item)}
              </Text>
            ))}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

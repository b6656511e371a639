import { type Column, getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * The rows of a table as the query builder returns them, from a statement written as SQL text
 * (`execute`, `returning *`): each column read under its SQL name and decoded as its column type
 * decodes it (an instant from the driver's text or Date, a bigint id, a JSON value), on either
 * engine. The builder spends a large share of a write's CPU assembling the statement of a wide
 * table; the statements run on every ticket creation are therefore written as text, and their
 * rows mapped here.
 */
export function tableRows<T extends PgTable>(table: T, result: unknown): T['$inferSelect'][] {
  const columns = columnsOf(table);
  // node-postgres and PGlite both answer with `rows`.
  return (result as { rows: Record<string, unknown>[] }).rows.map((raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = raw[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T['$inferSelect'];
  });
}

const columnLists = new WeakMap<PgTable, [string, Column][]>();

function columnsOf(table: PgTable): [string, Column][] {
  let columns = columnLists.get(table);
  if (!columns) {
    columns = Object.entries(getTableColumns(table));
    columnLists.set(table, columns);
  }
  return columns;
}

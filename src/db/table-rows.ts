import { type Column, getTableColumns, type SQL, sql } from 'drizzle-orm';
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

/**
 * The `set` list of an update written as SQL text: each given field under its column's SQL name,
 * its value encoded as the query builder encodes it (`undefined` fields are left out, as the
 * builder leaves them out).
 */
export function setList<T extends PgTable>(table: T, values: Partial<T['$inferInsert']>): SQL {
  const byKey = new Map(columnsOf(table));
  const parts: SQL[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const column = byKey.get(key);
    if (!column) throw new Error(`no column ${key} in the table`);
    parts.push(
      sql`${sql.identifier(column.name)} = ${value === null ? null : column.mapToDriverValue(value)}`,
    );
  }
  if (!parts.length) throw new Error('an update sets nothing');
  return sql.join(parts, sql`, `);
}

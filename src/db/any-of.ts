import { type Column, type SQL, sql } from 'drizzle-orm';

/**
 * `column = any($1::type[])`: a set of values as one array parameter. For the few hundred ids of
 * a batch this is one parameter to send and plan instead of one each (what `inArray` sends).
 */
export function anyOf(
  column: Column | SQL,
  values: readonly (string | number)[],
  type: 'uuid' | 'text' | 'bigint',
): SQL {
  const literal = `{${values.map((v) => `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  return sql`${column} = any(${literal}::${sql.raw(type)}[])`;
}

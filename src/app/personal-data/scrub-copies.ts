import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  ERASED_CONTACT_PLACEHOLDER,
  ERASED_NAME_PLACEHOLDER,
  literalPattern,
} from '../../domain/personal-data/erasure';

/** A column that can hold a copy of a text: text, character varying, json, jsonb, text arrays, bytea. */
interface TextColumn {
  table: string;
  column: string;
  kind: 'text' | 'json' | 'jsonb' | 'array' | 'bytea';
}

/**
 * Columns never rewritten: the erased account's own name is set by the erasure itself (another
 * account of the same name keeps theirs), and attachment content is addressed by its checksum, so
 * it is removed as a file (the erasure's option), not edited.
 */
const LEFT_ALONE = new Set(['users.name', 'stored_file_chunks.data']);

/**
 * Replaces every copy of the person's name, mail addresses and phone number in every text-like
 * column of every table: mails kept in the outbox and the mail store, inbound mails, message
 * bodies, notes, event payloads, notices, audit entries. The columns are read from the catalogue
 * rather than listed, so a table added later is covered without anyone remembering it. Texts are
 * matched whatever their case; raw bytes (inbound mails) as UTF-8 in their written, lower and upper
 * case. Returns the number of rows changed per `table.column`.
 */
export async function scrubCopies(
  db: DbOrTx,
  texts: { names: string[]; contacts: string[] },
): Promise<Record<string, number>> {
  const all = [...texts.names, ...texts.contacts];
  if (all.length === 0) return {};
  const changed: Record<string, number> = {};
  for (const target of await textColumns(db)) {
    if (LEFT_ALONE.has(`${target.table}.${target.column}`)) continue;
    const count =
      target.kind === 'bytea' ? await scrubBytes(db, target, all) : await scrubText(db, target, texts);
    if (count > 0) changed[`${target.table}.${target.column}`] = count;
  }
  return changed;
}

async function textColumns(db: DbOrTx): Promise<TextColumn[]> {
  const result = (await db.execute(sql`
    SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "dataType", c.udt_name AS "udt"
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
           OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))
    ORDER BY c.table_name, c.ordinal_position`)) as unknown as {
    rows: { table: string; column: string; dataType: string }[];
  };
  return result.rows.map((row) => ({
    table: row.table,
    column: row.column,
    kind:
      row.dataType === 'ARRAY'
        ? 'array'
        : row.dataType === 'json' || row.dataType === 'jsonb' || row.dataType === 'bytea'
          ? row.dataType
          : 'text',
  }));
}

async function scrubText(
  db: DbOrTx,
  target: TextColumn,
  texts: { names: string[]; contacts: string[] },
): Promise<number> {
  const column = sql.identifier(target.column);
  const any = alternation([...texts.names, ...texts.contacts]);
  const replaced = (value: ReturnType<typeof sql>) => {
    let out = value;
    if (texts.names.length)
      out = sql`regexp_replace(${out}, ${alternation(texts.names)}, ${ERASED_NAME_PLACEHOLDER}, 'gi')`;
    if (texts.contacts.length) {
      out = sql`regexp_replace(${out}, ${alternation(texts.contacts)}, ${ERASED_CONTACT_PLACEHOLDER}, 'gi')`;
    }
    return out;
  };
  const asText = target.kind === 'json' || target.kind === 'jsonb' ? sql`${column}::text` : sql`${column}`;
  const newValue =
    target.kind === 'array'
      ? sql`ARRAY(SELECT ${replaced(sql`u.e`)} FROM unnest(${column}) WITH ORDINALITY AS u(e, n) ORDER BY u.n)`
      : target.kind === 'text'
        ? replaced(asText)
        : sql`(${replaced(asText)})::${sql.raw(target.kind)}`;
  const matches =
    target.kind === 'array' ? sql`array_to_string(${column}, chr(31)) ~* ${any}` : sql`${asText} ~* ${any}`;
  const result = (await db.execute(
    sql`UPDATE ${sql.identifier(target.table)} SET ${column} = ${newValue} WHERE ${matches}`,
  )) as unknown as { rowCount?: number | null; affectedRows?: number };
  return Number(result.rowCount ?? result.affectedRows ?? 0);
}

/** Raw bytes are rewritten row by row: the database has no replace for them. */
async function scrubBytes(db: DbOrTx, target: TextColumn, texts: string[]): Promise<number> {
  const needles = [...new Set(texts.flatMap((text) => [text, text.toLowerCase(), text.toUpperCase()]))]
    .map((text) => Buffer.from(text, 'utf8'))
    .sort((a, b) => b.length - a.length);
  const column = sql.identifier(target.column);
  const anyNeedle = sql.join(
    needles.map((needle) => sql`position(${needle} in ${column}) > 0`),
    sql` OR `,
  );
  const found = (await db.execute(
    sql`SELECT ctid::text AS row, ${column} AS bytes FROM ${sql.identifier(target.table)} WHERE ${anyNeedle}`,
  )) as unknown as { rows: { row: string; bytes: Buffer | Uint8Array }[] };
  const placeholder = Buffer.from(ERASED_CONTACT_PLACEHOLDER, 'utf8');
  for (const { row, bytes } of found.rows) {
    let content: Buffer = Buffer.from(bytes);
    for (const needle of needles) content = replaceAll(content, needle, placeholder);
    await db.execute(
      sql`UPDATE ${sql.identifier(target.table)} SET ${column} = ${content} WHERE ctid = ${row}::tid`,
    );
  }
  return found.rows.length;
}

function replaceAll(content: Buffer, needle: Buffer, replacement: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = content.indexOf(needle, from); at >= 0; at = content.indexOf(needle, from)) {
    parts.push(content.subarray(from, at), replacement);
    from = at + needle.length;
  }
  if (from === 0) return content;
  parts.push(content.subarray(from));
  return Buffer.concat(parts);
}

const alternation = (values: string[]): string => `(${values.map(literalPattern).join('|')})`;

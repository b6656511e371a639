/**
 * Spreadsheet-safe CSV as Swiss spreadsheets open it: semicolon-separated, UTF-8 with a byte-order
 * mark, CRLF line ends. Text that a spreadsheet would run as a formula is neutralised.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_EOL = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** A free-text cell: a leading = + - @ tab or CR gets a single quote in front, then CSV quoting. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export type CsvCell = string | number | { raw: string };

/** Numbers are written as they are; strings go through csvText; `{ raw }` is trusted output. */
export function csvDocument(rows: readonly (readonly CsvCell[])[]): string {
  const lines = rows.map((row) =>
    row
      .map((cell) => {
        if (typeof cell === 'number') return String(cell);
        if (typeof cell === 'string') return csvText(cell);
        return cell.raw;
      })
      .join(CSV_SEPARATOR),
  );
  return `${CSV_BOM}${lines.join(CSV_EOL)}${CSV_EOL}`;
}

import { AppError } from '../errors/index';

export const pageSize = 50;

/** An opaque keyset position: the (name, id) of the last row of the previous page. */
export function encodeCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      if (uuidPattern.test(value[1])) return { name: value[0], id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError('invalid_cursor');
}

/** A LIKE pattern matching the text anywhere, with the user's % and _ taken literally. */
export const containsPattern = (search: string): string => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

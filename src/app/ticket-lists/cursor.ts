import { AppError } from '../errors/index';

/** A keyset position: the sort it belongs to, and the sort value (as text) and id of the last row. */
export interface ListCursor {
  sort: string;
  order: 'asc' | 'desc';
  value: string | null;
  id: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: they pass back what they received. */
export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.order, cursor.value, cursor.id])).toString(
    'base64url',
  );
}

/** Decodes a cursor made for this sort and order; anything else is refused (invalid_cursor). */
export function decodeListCursor(text: string, sort: string, order: 'asc' | 'desc'): ListCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 4 &&
      value[0] === sort &&
      value[1] === order &&
      (typeof value[2] === 'string' || value[2] === null) &&
      typeof value[3] === 'string' &&
      uuidPattern.test(value[3])
    ) {
      return { sort, order, value: value[2], id: value[3] };
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError('invalid_cursor');
}

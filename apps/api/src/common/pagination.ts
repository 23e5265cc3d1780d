import { fieldError } from './contract/error-body';

export { DEFAULT_PAGE_SIZE } from './contract/fields';

/**
 * Lists page by keyset (`?limit=&cursor=`, answer `{ items, nextCursor }`): the cursor is the
 * sort key of the last item, opaque to clients, so pages stay stable while rows are added.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Decodes a cursor and checks its shape; a tampered or foreign cursor is a 400 naming `cursor`. */
export function decodeCursor<T>(
  cursor: string | undefined,
  check: (value: unknown) => value is T,
): T | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (check(value)) return value;
  } catch {
    // fall through
  }
  throw fieldError('cursor', 'is not a cursor this endpoint returned');
}

/**
 * A page from rows fetched with `limit + 1` (the extra row only says that more follow): the first
 * `limit` rows as items, and the cursor of the last one when more follow.
 */
export function keysetPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (last: Row) => unknown,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}

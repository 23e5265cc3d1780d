const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in its text form (any case): the form of every id the engine hands out. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The nil UUID: matches no row. */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Our ids are UUIDs; a value from outside (a webhook field) that is not one can match no row and
 * must not reach a `uuid` comparison, where PostgreSQL would reject the whole query.
 */
export function uuidOrNil(value: string): string {
  return isUuid(value) ? value : NIL_UUID;
}

import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { codedError } from './errors.js';
import { pageRequest, toConnection, type Connection, type ConnectionArgs, type Keyset, type PageRequest } from './pagination.js';

/**
 * The WHERE fragment and ORDER BY for one keyset page over (sortColumn, id).
 * `descending` is the list's natural order; last/before walk it backwards.
 */
export function keysetPage(
  page: PageRequest,
  sortColumn: AnyPgColumn,
  idColumn: AnyPgColumn,
  descending: boolean,
  filter?: SQL,
): { where: SQL | undefined; orderBy: SQL[] } {
  if (page.cursor) assertCursorFits(page.cursor, sortColumn, idColumn);
  const queryDescending = descending !== page.backward;
  const after = page.cursor
    ? queryDescending
      ? sql`(${sortColumn}, ${idColumn}) < (${page.cursor.value}, ${page.cursor.id})`
      : sql`(${sortColumn}, ${idColumn}) > (${page.cursor.value}, ${page.cursor.id})`
    : undefined;
  const order = queryDescending ? desc : asc;
  return { where: and(filter, after), orderBy: [order(sortColumn), order(idColumn)] };
}

/** One list read a keyset page at a time: what `connectionOf` needs to know. */
export interface KeysetList<Node> {
  /** The sort column and the id column that breaks its ties. */
  sort: AnyPgColumn;
  id: AnyPgColumn;
  /** The list's natural order; last/before walk it backwards. */
  descending: boolean;
  /** The list's own conditions: the page's position is added for the rows, the count uses them alone. */
  filter?: SQL;
  /** Fetches one page with this WHERE, ORDER BY and LIMIT, as nodes in that order. */
  rows(page: { where: SQL | undefined; orderBy: SQL[]; limit: number }): Promise<Node[]>;
  /** A node's cursor: the sort column's value (dates as ISO text, bigints as text) and its id. */
  keyset(node: Node): Keyset;
  /** totalCount over `filter`; runs only when the client selects it. */
  count(): Promise<number>;
}

/**
 * A Relay connection over one keyset list: page request, keyset, select,
 * connection and lazy count, in the one order every list needs.
 */
export async function connectionOf<Node>(args: ConnectionArgs, list: KeysetList<Node>): Promise<Connection<Node>> {
  const page = pageRequest(args);
  const { where, orderBy } = keysetPage(page, list.sort, list.id, list.descending, list.filter);
  const nodes = await list.rows({ where, orderBy, limit: page.limit });
  return toConnection(nodes, page, (node) => list.keyset(node), () => list.count());
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from the API can name a row at all (ids are uuids inside, opaque outside). */
export function isId(id: string): boolean {
  return UUID.test(id);
}

/**
 * `column = any($1::uuid[])`: one array parameter however many ids (drizzle's
 * inArray binds one parameter per id). Malformed ids are dropped: they match nothing.
 */
export function anyId(column: AnyPgColumn, ids: readonly string[]): SQL {
  return sql`${column} = any(${sql.param(ids.filter(isId))}::uuid[])`;
}

const INTEGER = /^-?\d{1,19}$/;
const MAX_BIGINT = 9_223_372_036_854_775_807n;
const MAX_INT = 2_147_483_647;

/** Whether one value from a cursor can be compared with this column without PostgreSQL refusing it. */
function fitsColumn(value: unknown, column: AnyPgColumn): boolean {
  if (value === null) return !column.notNull;
  switch (column.columnType) {
    case 'PgUUID':
      return typeof value === 'string' && isId(value);
    case 'PgTimestamp':
    case 'PgTimestampString':
    case 'PgDate':
    case 'PgDateString': {
      if (typeof value !== 'string') return false;
      const time = Date.parse(value);
      // PostgreSQL's timestamp range is wider, but no row of ours lies outside these years.
      return Number.isFinite(time) && Math.abs(new Date(time).getUTCFullYear() - 2000) < 8000;
    }
    case 'PgInteger':
    case 'PgSmallInt':
      return (typeof value === 'number' || typeof value === 'string') && INTEGER.test(String(value)) && Math.abs(Number(value)) <= MAX_INT;
    case 'PgBigInt53':
    case 'PgBigInt64':
    case 'PgBigSerial53':
    case 'PgBigSerial64':
      if ((typeof value !== 'number' && typeof value !== 'string') || !INTEGER.test(String(value))) return false;
      return BigInt(String(value)) <= MAX_BIGINT && BigInt(String(value)) >= -MAX_BIGINT;
    default:
      // Text: PostgreSQL refuses NUL in any string.
      return typeof value === 'string' && !value.includes('\u0000') && value.length <= 10_000;
  }
}

/**
 * A cursor is opaque but arrives from the client: one made for another list
 * or sort key, or crafted, must be refused as bad input, never reach SQL as a
 * type error.
 */
export function assertCursorFits(cursor: Keyset, sortColumn: AnyPgColumn, idColumn: AnyPgColumn): void {
  if (!fitsColumn(cursor.value, sortColumn) || !fitsColumn(cursor.id, idColumn)) {
    throw codedError('BAD_USER_INPUT', 'Invalid cursor: it does not belong to this list and sort order.');
  }
}

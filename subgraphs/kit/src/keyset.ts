import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { PageRequest } from './pagination.js';

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
  const queryDescending = descending !== page.backward;
  const after = page.cursor
    ? queryDescending
      ? sql`(${sortColumn}, ${idColumn}) < (${page.cursor.value}, ${page.cursor.id})`
      : sql`(${sortColumn}, ${idColumn}) > (${page.cursor.value}, ${page.cursor.id})`
    : undefined;
  const order = queryDescending ? desc : asc;
  return { where: and(filter, after), orderBy: [order(sortColumn), order(idColumn)] };
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

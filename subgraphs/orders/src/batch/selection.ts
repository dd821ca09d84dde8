// Which orders a batch run works on: explicit ids or the order list's filter, read in keyset pages.
import { and, count, desc, sql } from 'drizzle-orm';
import { anyId, isId, ok, type Db, type Result } from '@shop/kit';
import { filterSql, type FilterAccess, type OrderFilter } from '../service.js';
import { order, type OrderRow } from '../tables.js';
import { batchFail } from '../errors/index.js';

export const MAX_SELECTED_IDS = 1_000;

/** As the API takes it: exactly one of the two. */
export interface BatchSelectionInput {
  orderIds?: readonly string[] | null;
  filter?: OrderFilter | null;
}

/** As a run stores it (JSON): the filter's dates are ISO text there. */
export type BatchSelection = { orderIds: string[] } | { filter: OrderFilter };

export type SelectionErrorCode = 'SELECTION_INVALID' | 'SELECTION_TOO_LARGE';

/** Checks a selection: ids or a filter (not both, not neither), at most MAX_SELECTED_IDS well-formed ids. */
export function parseSelection(input: BatchSelectionInput, field: string[]): Result<BatchSelection, SelectionErrorCode> {
  const { orderIds, filter } = input;
  if ((orderIds == null) === (filter == null)) {
    return batchFail('SELECTION_INVALID', field);
  }
  if (filter) return ok({ filter });
  const ids = [...new Set(orderIds)];
  if (!ids.length) return batchFail('SELECTION_INVALID:empty', [...field, 'orderIds']);
  if (ids.length > MAX_SELECTED_IDS) {
    return batchFail('SELECTION_TOO_LARGE', [...field, 'orderIds'], { max: MAX_SELECTED_IDS });
  }
  const bad = ids.findIndex((id) => !isId(id));
  if (bad >= 0) return batchFail('SELECTION_INVALID:id', [...field, 'orderIds', String(bad)]);
  return ok({ orderIds: ids });
}

/** A stored filter with its dates back as dates. */
function reviveFilter(filter: OrderFilter): OrderFilter {
  const date = (v: Date | string | null | undefined) => (v == null ? v : new Date(v));
  return { ...filter, createdFrom: date(filter.createdFrom), createdTo: date(filter.createdTo) };
}

function selectionSql(selection: BatchSelection, access: FilterAccess) {
  return 'orderIds' in selection ? anyId(order.id, selection.orderIds) : filterSql(reviveFilter(selection.filter), access);
}

/** How many orders the selection holds now; throws FORBIDDEN like the order list for a filter the caller may not use. */
export async function countSelected(db: Db, selection: BatchSelection, access: FilterAccess): Promise<number> {
  const [row] = await db.select({ n: count() }).from(order).where(selectionSql(selection, access));
  return row!.n;
}

/**
 * The selected orders, newest first, `pageSize` at a time: a keyset walk over
 * (created_at, id), so memory stays flat however many match and an order
 * changed meanwhile is neither skipped nor read twice.
 */
export async function* selectedOrders(
  db: Db,
  selection: BatchSelection,
  access: FilterAccess,
  pageSize = 500,
): AsyncGenerator<OrderRow[]> {
  const where = selectionSql(selection, access);
  for (let after: OrderRow | null = null; ; ) {
    // The row's time as text: a raw fragment does not map a Date the way a column comparison does.
    const position = after ? sql`(${order.createdAt}, ${order.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined;
    const page: OrderRow[] = await db
      .select()
      .from(order)
      .where(and(where, position))
      .orderBy(desc(order.createdAt), desc(order.id))
      .limit(pageSize);
    if (!page.length) return;
    yield page;
    if (page.length < pageSize) return;
    after = page.at(-1)!;
  }
}

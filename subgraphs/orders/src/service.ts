// Order reads: the filtered, sorted list, lookups by id, lines, history and counts.
import { and, arrayContains, count, eq, getTableColumns, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import {
  anyId,
  codedError,
  DEFAULT_CURRENCY,
  isId,
  parseDecimal,
  connectionOf,
  keysetPage,
  type ConnectionArgs,
  type Db,
  type Keyset,
  type PageRequest,
  type Principal,
} from '@shop/kit';
import { digitsOf } from './addresses/index.js';
import { flaggedCondition } from './flags/index.js';
import { paymentStateCondition } from './payments/index.js';
import { order, orderHistory, orderLine, orderStatus, type OrderRow, type OrderStatus } from './tables.js';

export interface OrderFilter {
  status?: OrderStatus[] | null;
  channel?: OrderRow['channel'][] | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
  /** A member's orders; myOrders sets it from the session, overriding the API's. */
  memberId?: string | null;
  totalMin?: string | null;
  totalMax?: string | null;
  paymentState?: string[] | null;
  tag?: string | null;
  flagged?: boolean | null;
  search?: string | null;
}

export type OrderSortKey = 'CREATED_AT' | 'TOTAL';

/**
 * What the caller's filter may look at beyond what every order reader sees:
 * a filter is an oracle for the data it matches, so it takes that data's rule.
 */
export interface FilterAccess {
  /** Search by the recipient's name and phone number (contact data). */
  contactSearch: boolean;
  /** Filter by whether an order was flagged (fraud signals). */
  flags: boolean;
  /** Filter by operators' tags (internal labels). */
  tags: boolean;
}

/** Service-level callers (jobs, tests) filter by everything; resolvers pass the caller's access. */
const FULL_ACCESS: FilterAccess = { contactSearch: true, flags: true, tags: true };

export type OrderListArgs = ConnectionArgs & {
  filter?: OrderFilter | null;
  sortKey?: OrderSortKey | null;
  reverse?: boolean | null;
};

function totalBound(value: string | null | undefined, name: string): bigint | null {
  if (value == null) return null;
  const minor = parseDecimal(value, DEFAULT_CURRENCY);
  if (minor === null) throw codedError('BAD_USER_INPUT', `filter.${name} is not an amount.`);
  return minor;
}

/**
 * The search box: an order number, a recipient's phone number (any
 * formatting; local and international forms match on their last 8 digits), a tracking number, or the start of a recipient's name. Each
 * alternative is an index lookup, so the OR stays cheap at any table size.
 */
function searchSql(term: string, contact: boolean): SQL {
  const digits = digitsOf(term);
  const number = /^\d+$/.test(term) ? `SO-${term}` : term.toUpperCase();
  const name = term.toLowerCase();
  const byNumber = [eq(order.number, number), eq(order.trackingNumber, term)];
  if (!contact) return or(...byNumber)!;
  return or(
    ...byNumber,
    digits.length >= 8
      ? sql`right(${order.shipPhoneDigits}, 8) = ${digits.slice(-8)}`
      : digits.length >= 6 ? eq(order.shipPhoneDigits, digits) : undefined,
    // Every string that starts with `name` sorts between it and it followed by the last code point.
    sql`(lower(${order.shipName}) collate "C") >= ${name} and (lower(${order.shipName}) collate "C") < ${`${name}\u{10FFFF}`}`,
  )!;
}

/** The filter as SQL; `withStatus: false` leaves the status list out (status tab counts). Batch runs select by it too. */
export function filterSql(filter: OrderFilter | null | undefined, access: FilterAccess, withStatus = true): SQL | undefined {
  if (!filter) return undefined;
  if (filter.flagged != null && !access.flags) {
    throw codedError('FORBIDDEN', 'Filtering orders by flags requires orders:read_internal and a staff session.');
  }
  if (filter.tag != null && !access.tags) throw codedError('FORBIDDEN', "Filtering orders by tag is for the shop's operators.");
  const totalMin = totalBound(filter.totalMin, 'totalMin');
  const totalMax = totalBound(filter.totalMax, 'totalMax');
  const tag = filter.tag?.trim().toLowerCase();
  const search = filter.search?.trim();
  return and(
    withStatus && filter.status?.length ? inArray(order.status, filter.status) : undefined,
    filter.channel?.length ? inArray(order.channel, filter.channel) : undefined,
    filter.createdFrom ? gte(order.createdAt, filter.createdFrom) : undefined,
    filter.createdTo ? lt(order.createdAt, filter.createdTo) : undefined,
    filter.memberId ? (isId(filter.memberId) ? eq(order.memberId, filter.memberId) : sql`false`) : undefined,
    totalMin !== null ? gte(order.totalMinor, totalMin) : undefined,
    totalMax !== null ? lte(order.totalMinor, totalMax) : undefined,
    filter.paymentState?.length ? paymentStateCondition(filter.paymentState) : undefined,
    tag ? arrayContains(order.tags, [tag]) : undefined,
    filter.flagged != null ? flaggedCondition(filter.flagged) : undefined,
    search ? searchSql(search, access.contactSearch) : undefined,
  );
}

/** The cursor of an order under a sort key; totals travel as strings so bigints stay exact. */
export function orderKeyset(row: OrderRow, sortKey: OrderSortKey): Keyset {
  return {
    value: sortKey === 'TOTAL' ? row.totalMinor.toString() : row.createdAt.toISOString(),
    id: row.id,
  };
}

/**
 * One keyset page of orders: newest first by default, TOTAL smallest first;
 * `reverse` flips either. `tx` may be the pool; the count runs only when asked for.
 */
export async function listOrders(tx: Db, args: OrderListArgs, access: FilterAccess = FULL_ACCESS) {
  const sortKey = args.sortKey ?? 'CREATED_AT';
  const filter = filterSql(args.filter, access);
  // The kit checks the cursor against the sort column: one made under the other sort key is bad input.
  return connectionOf(args, {
    sort: sortKey === 'TOTAL' ? order.totalMinor : order.createdAt,
    id: order.id,
    descending: (sortKey === 'CREATED_AT') !== Boolean(args.reverse),
    filter,
    rows: (page) => tx.select().from(order).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => orderKeyset(row, sortKey),
    count: () => countOrders(tx, args.filter, access),
  });
}

/** How many orders match a filter: the list's totalCount and the dashboard's to-dos, one statement. */
export async function countOrders(tx: Db, filter: OrderFilter | null | undefined, access: FilterAccess = FULL_ACCESS): Promise<number> {
  return (await tx.select({ n: count() }).from(order).where(filterSql(filter, access)))[0]!.n;
}

/**
 * Orders by id as `principal` may see them (row rule, also on the _entities
 * path): staff and partners see every order, a customer only their own,
 * anyone else none.
 */
export async function ordersByIds(tx: Db, ids: readonly string[], principal: Principal) {
  switch (principal.kind) {
    case 'staff':
    case 'partner':
      return tx.select().from(order).where(anyId(order.id, ids));
    case 'customer':
      return tx.select().from(order).where(and(anyId(order.id, ids), eq(order.memberId, principal.memberId)));
    case 'anonymous':
      return [];
  }
}

export function linesByOrderIds(tx: Db, orderIds: readonly string[]) {
  return tx
    .select()
    .from(orderLine)
    .where(anyId(orderLine.orderId, orderIds))
    .orderBy(orderLine.orderId, orderLine.position, orderLine.id);
}

/**
 * The same page (newest first) of many members' orders in one query: a window
 * numbers each member's orders in page order and keeps the first `page.limit`.
 * Rows come grouped by member, in query order within each member.
 */
export async function memberOrderPages(tx: Db, memberIds: readonly string[], page: PageRequest): Promise<OrderRow[]> {
  const { where, orderBy } = keysetPage(page, order.createdAt, order.id, true, anyId(order.memberId, memberIds));
  const ranked = tx
    .select({
      ...getTableColumns(order),
      rank: sql<number>`row_number() over (partition by ${order.memberId} order by ${sql.join(orderBy, sql`, `)})`
        .mapWith(Number)
        .as('rank'),
    })
    .from(order)
    .where(where)
    .as('ranked');
  const rows = await tx
    .select()
    .from(ranked)
    .where(lte(ranked.rank, page.limit))
    .orderBy(ranked.memberId, ranked.rank);
  return rows.map(({ rank: _, ...row }) => row);
}

/** Order counts of many members in one query; members without orders are absent. */
export function orderCountsByMemberIds(tx: Db, memberIds: readonly string[]) {
  return tx
    .select({ memberId: order.memberId, n: count() })
    .from(order)
    .where(anyId(order.memberId, memberIds))
    .groupBy(order.memberId);
}

/** Orders per status under a filter (its status list ignored), every status present. */
export async function orderCounts(tx: Db, filter: OrderFilter | null | undefined, access: FilterAccess = FULL_ACCESS) {
  const rows = await tx
    .select({ status: order.status, n: count() })
    .from(order)
    .where(filterSql(filter, access, false))
    .groupBy(order.status);
  const byStatus = new Map(rows.map((r) => [r.status, r.n]));
  return orderStatus.enumValues.map((status) => ({ status, count: byStatus.get(status) ?? 0 }));
}

/** History entries of many orders, oldest first within each. */
export function historyByOrderIds(tx: Db, orderIds: readonly string[]) {
  return tx
    .select()
    .from(orderHistory)
    .where(anyId(orderHistory.orderId, orderIds))
    .orderBy(orderHistory.orderId, orderHistory.createdAt, orderHistory.id);
}

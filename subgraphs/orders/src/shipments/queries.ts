// Reading shipments: per-order batches for loaders, the fulfilment queue and merge suggestions.
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { anyId, connectionOf, isId, type ConnectionArgs, type Db } from '@shop/kit';
import { referencesHeldIn } from '@shop/stock/commands';
import { carrier } from '../carriers/tables.js';
import { flaggedCondition } from '../flags/index.js';
import { orderGroupBuy } from '../group-buys/tables.js';
import { orderKeyset } from '../service.js';
import { order, orderLine, type OrderRow } from '../tables.js';
import { addressFingerprint } from './service.js';
import { parcel, shipment, shipmentLine, trackingEvent } from './tables.js';

export const shipmentsByOrderIds = (db: Db, ids: readonly string[]) =>
  db.select().from(shipment).where(anyId(shipment.orderId, ids)).orderBy(asc(shipment.createdAt), asc(shipment.number));

export const shipmentsByIds = (db: Db, ids: readonly string[]) => db.select().from(shipment).where(anyId(shipment.id, ids));

export const shipmentLinesByShipmentIds = (db: Db, ids: readonly string[]) =>
  db
    .select({ line: shipmentLine, sku: orderLine.sku, title: orderLine.title })
    .from(shipmentLine)
    .innerJoin(orderLine, eq(orderLine.id, shipmentLine.orderLineId))
    .where(anyId(shipmentLine.shipmentId, ids))
    .orderBy(asc(orderLine.position), asc(shipmentLine.id));

export type ShipmentLineView = Awaited<ReturnType<typeof shipmentLinesByShipmentIds>>[number];

export const trackingEventsByShipmentIds = (db: Db, ids: readonly string[]) =>
  db.select().from(trackingEvent).where(anyId(trackingEvent.shipmentId, ids)).orderBy(asc(trackingEvent.occurredAt), asc(trackingEvent.createdAt));

export async function parcelsByIds(db: Db, ids: readonly string[]) {
  return db
    .select({ parcel, shipmentCount: sql<number>`(select count(*)::int from ${shipment} s where s.parcel_id = "orders"."parcel"."id")` })
    .from(parcel)
    .where(anyId(parcel.id, ids));
}

export type ParcelView = Awaited<ReturnType<typeof parcelsByIds>>[number];

export const allCarriers = (db: Db) => db.select().from(carrier).orderBy(sql`${carrier.active} desc`, asc(carrier.name));

export const carriersByCodes = (db: Db, codes: readonly string[]) => db.select().from(carrier).where(inArray(carrier.code, [...codes]));

/** Units of each line left to ship, for many orders in one query. */
export async function unshippedByOrderIds(db: Db, ids: readonly string[]) {
  return db
    .select({
      orderId: orderLine.orderId,
      orderLineId: orderLine.id,
      variantId: orderLine.variantId,
      sku: orderLine.sku,
      title: orderLine.title,
      ordered: orderLine.quantity,
      // Qualified by hand: drizzle leaves select-list columns unqualified, and "id" inside the sub-select would be its own.
      remaining: sql<number>`(${orderLine.quantity} - coalesce((select sum(sl.quantity) from ${shipmentLine} sl
        join ${shipment} s on s.id = sl.shipment_id where sl.order_line_id = "orders"."order_line"."id" and s.kind = 'ORIGINAL'), 0))::int`,
    })
    .from(orderLine)
    .where(anyId(orderLine.orderId, ids))
    .orderBy(asc(orderLine.position), asc(orderLine.id));
}

export type UnshippedLineView = Awaited<ReturnType<typeof unshippedByOrderIds>>[number];

/** Orders that may ship now: paid, not on hold, not waiting for a group buy, with a unit left. */
function readyToShip(): SQL {
  return and(
    inArray(order.status, ['PAID', 'FULFILLING']),
    flaggedCondition(false),
    sql`not exists (select 1 from ${orderGroupBuy} g where g.order_id = ${order.id} and g.outcome = 'WAITING')`,
    sql`exists (select 1 from ${orderLine} l where l.order_id = ${order.id} and l.quantity > coalesce((select sum(sl.quantity)
      from ${shipmentLine} sl join ${shipment} s on s.id = sl.shipment_id where sl.order_line_id = l.id and s.kind = 'ORIGINAL'), 0))`,
  )!;
}

export interface QueueFilter {
  warehouseId?: string | null;
  shippingMethod?: string | null;
  carrierCode?: string | null;
}

/** The fulfilment queue's condition: ready to ship, narrowed by the filter. */
function queueSql(f: QueueFilter): SQL {
  const conditions: (SQL | undefined)[] = [readyToShip()];
  if (f.warehouseId) {
    conditions.push(isId(f.warehouseId) ? sql`${order.id}::text in ${referencesHeldIn(f.warehouseId)}` : sql`false`);
  }
  if (f.shippingMethod) conditions.push(eq(order.shippingMethod, f.shippingMethod));
  if (f.carrierCode) {
    conditions.push(sql`exists (select 1 from ${shipment} s where s.order_id = ${order.id} and s.carrier_code = ${f.carrierCode})`);
  }
  return and(...conditions)!;
}

/** How many orders the fulfilment queue holds under a filter (its totalCount and the dashboard's "to ship today"). */
export async function countFulfilmentQueue(db: Db, f: QueueFilter = {}): Promise<number> {
  return (await db.select({ n: count() }).from(order).where(queueSql(f)))[0]!.n;
}

/** The fulfilment queue, oldest first: what the warehouse ships next. */
export function fulfilmentQueue(db: Db, args: ConnectionArgs & { filter?: QueueFilter | null }) {
  const f = args.filter ?? {};
  const filter = queueSql(f);
  return connectionOf(args, {
    sort: order.createdAt,
    id: order.id,
    descending: false,
    filter,
    rows: (page) => db.select().from(order).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => orderKeyset(row, 'CREATED_AT'),
    count: () => countFulfilmentQueue(db, f),
  });
}

export interface MergeSuggestion {
  orders: OrderRow[];
}

/**
 * Ready-to-ship orders grouped by member and address fingerprint, groups of two
 * or more, oldest first. Members with several ready orders are few: the
 * database narrows to them, the fingerprint (hashing) is done here.
 */
export async function mergeSuggestions(db: Db, first = 20): Promise<MergeSuggestion[]> {
  const limit = Math.min(Math.max(first, 1), 50);
  const rows = await db
    .select()
    .from(order)
    .where(
      and(
        readyToShip(),
        sql`${order.memberId} in (select o.member_id from ${order} o where o.status in ('PAID', 'FULFILLING')
          and o.member_id is not null group by o.member_id having count(*) > 1)`,
      ),
    )
    .orderBy(asc(order.createdAt), asc(order.id))
    .limit(2000);
  const groups = new Map<string, OrderRow[]>();
  for (const row of rows) {
    const key = `${row.memberId}|${addressFingerprint(row)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .slice(0, limit)
    .map((orders) => ({ orders }));
}

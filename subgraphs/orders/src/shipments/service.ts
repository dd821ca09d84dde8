// Shipments: ship some or all lines of an order, record what the carrier reports.
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gt, ne, sql } from 'drizzle-orm';
import { failWith, isId, ok, reissued, type Db, type Result, type UserError } from '@shop/kit';
import { publishEvent } from '@shop/kit/domain-events';
import { heldLines, isActiveWarehouse, lotCodeFor, pickingWarehouseId, shipFromReservation } from '@shop/stock/commands';
import { bookWaybill, findActiveCarrier } from '../carriers/adapters.js';
import { openDeliveryException } from '../delivery-exceptions/open.js';
import { addOrderHistory, lockOrder, type OrderActor } from '../history/index.js';
// The lifecycle leaf, not its barrel: the barrel re-exports orderShip from this folder.
import { transitionOrder } from '../lifecycle/service.js';
import { order, orderLine, type OrderRow } from '../tables.js';
import {
  parcel,
  shipment,
  shipmentLine,
  shipmentStatus,
  trackingEvent,
  type ParcelRow,
  type ShipmentKind,
  type ShipmentRow,
  type ShipmentStatus,
  type TrackingEventRow,
  type TrackingEventSource,
} from './tables.js';
import { shipmentError, shipmentFail } from '../errors/index.js';

export type ShipmentErrorCode =
  | 'NOT_FOUND'
  | 'INVALID'
  | 'INVALID_TRANSITION'
  | 'ORDER_ON_HOLD'
  | 'INSUFFICIENT_STOCK'
  | 'OVER_SHIPPED'
  | 'UNKNOWN_CARRIER'
  | 'UNKNOWN_WAREHOUSE'
  | 'NOT_MERGEABLE';

export interface CreateShipmentInput {
  orderId: string;
  warehouseId: string;
  lines: { orderLineId: string; quantity: number; lotCode?: string | null }[];
  carrierCode: string;
  service?: string | null;
  trackingNumber?: string | null;
  /** Book a waybill through the carrier's adapter (fills the tracking number). */
  book?: boolean | null;
  kind?: ShipmentKind;
  /** The exchange a REPLACEMENT ships (after-sales). */
  returnRequestId?: string | null;
  /** The parcel (one waybill) the shipment travels in with other orders' (ordersShipTogether). */
  parcelId?: string | null;
}

export interface ShipWholeOrderInput {
  orderId: string;
  carrierCode: string;
  trackingNumber?: string | null;
  book?: boolean | null;
  parcelId?: string | null;
}

export interface RecordTrackingEventInput {
  shipmentId: string;
  status: ShipmentStatus;
  occurredAt: Date;
  location?: string | null;
  externalId?: string | null;
  source: TrackingEventSource;
}

const MAX_TEXT = 100;
/** Orders whose lines may leave in an ORIGINAL shipment (a PAID one starts fulfilment on the way). */
const SHIPPABLE: readonly OrderRow['status'][] = ['PAID', 'FULFILLING'];
/** Orders a REPLACEMENT may go to: the original went (or is going) out. */
const REPLACEABLE: readonly OrderRow['status'][] = ['FULFILLING', 'SHIPPED', 'DELIVERED', 'COMPLETED'];

const trimmed = (value: string | null | undefined) => value?.trim() || null;

/** Units of each order line already in ORIGINAL shipments. */
async function shippedByLine(tx: Db, orderId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ orderLineId: shipmentLine.orderLineId, quantity: sql<number>`sum(${shipmentLine.quantity})::int` })
    .from(shipmentLine)
    .innerJoin(shipment, eq(shipment.id, shipmentLine.shipmentId))
    .where(and(eq(shipment.orderId, orderId), eq(shipment.kind, 'ORIGINAL')))
    .groupBy(shipmentLine.orderLineId);
  return new Map(rows.map((r) => [r.orderLineId, r.quantity]));
}

/** The order's lines with what is left to ship of each. */
export async function unshippedLines(tx: Db, orderId: string) {
  const lines = await tx.select().from(orderLine).where(eq(orderLine.orderId, orderId)).orderBy(asc(orderLine.position), asc(orderLine.id));
  const shipped = await shippedByLine(tx, orderId);
  return lines.map((line) => ({ line, left: line.quantity - (shipped.get(line.id) ?? 0) }));
}

function checkInput(input: CreateShipmentInput): UserError<ShipmentErrorCode>[] {
  const errors: UserError<ShipmentErrorCode>[] = [];
  if (!input.lines.length) errors.push(shipmentError('INVALID:noLines', ['input', 'lines']));
  input.lines.forEach((l, i) => {
    if (!Number.isInteger(l.quantity) || l.quantity <= 0 || l.quantity > 1_000_000) {
      errors.push(shipmentError('INVALID:quantity', ['input', 'lines', String(i), 'quantity']));
    }
    if (l.lotCode != null && (!l.lotCode.trim() || l.lotCode.length > MAX_TEXT)) {
      errors.push(shipmentError('INVALID:lotCode', ['input', 'lines', String(i), 'lotCode'], { max: MAX_TEXT }));
    }
  });
  const seen = new Set<string>();
  input.lines.forEach((l, i) => {
    if (seen.has(l.orderLineId)) errors.push(shipmentError('INVALID:lineTwice', ['input', 'lines', String(i), 'orderLineId']));
    seen.add(l.orderLineId);
  });
  if ((input.trackingNumber?.length ?? 0) > MAX_TEXT) {
    errors.push(shipmentError('INVALID:trackingNumber', ['input', 'trackingNumber'], { max: MAX_TEXT }));
  }
  if ((input.service?.length ?? 0) > MAX_TEXT) errors.push(shipmentError('INVALID:service', ['input', 'service'], { max: MAX_TEXT }));
  return errors;
}

/**
 * Ships lines of an order from one warehouse, in the caller's transaction:
 * validates (what is left to ship, the order's state, carrier, warehouse),
 * moves stock (ORIGINAL: out of the order's reservation; REPLACEMENT: from
 * available stock, no payment), books a waybill when asked, writes history and
 * events, and moves the order on: PAID → FULFILLING, and SHIPPED once every line left.
 * The order row is locked first, so two shipments of the same lines take turns.
 */
export async function createShipment(
  tx: Db,
  actor: OrderActor,
  input: CreateShipmentInput,
): Promise<Result<ShipmentRow, ShipmentErrorCode>> {
  const kind = input.kind ?? 'ORIGINAL';
  const invalid = checkInput(input);
  if (invalid.length) return failWith(invalid);
  let current = await lockOrder(tx, input.orderId);
  if (!current) return shipmentFail('NOT_FOUND', ['input', 'orderId']);
  const carrierRow = await findActiveCarrier(tx, input.carrierCode);
  if (!carrierRow) return shipmentFail('UNKNOWN_CARRIER', ['input', 'carrierCode']);
  if (!(await isActiveWarehouse(tx, input.warehouseId))) {
    return shipmentFail('UNKNOWN_WAREHOUSE', ['input', 'warehouseId']);
  }
  const allowed = kind === 'ORIGINAL' ? SHIPPABLE : REPLACEABLE;
  if (!allowed.includes(current.status)) {
    return shipmentFail('INVALID_TRANSITION', ['input', 'orderId'], { number: current.number, status: current.status });
  }
  const left = new Map((await unshippedLines(tx, current.id)).map((l) => [l.line.id, l]));
  const lineErrors: UserError<ShipmentErrorCode>[] = [];
  input.lines.forEach((l, i) => {
    const known = left.get(l.orderLineId);
    if (!known) lineErrors.push(shipmentError('NOT_FOUND:line', ['input', 'lines', String(i), 'orderLineId'], { number: current!.number }));
    else if (l.quantity > (kind === 'ORIGINAL' ? known.left : known.line.quantity)) {
      lineErrors.push(
        shipmentError('OVER_SHIPPED', ['input', 'lines', String(i), 'quantity'], {
          left: Math.max(kind === 'ORIGINAL' ? known.left : known.line.quantity, 0),
          sku: known.line.sku,
        }),
      );
    }
  });
  if (lineErrors.length) return failWith(lineErrors);
  if (current.status === 'PAID') {
    const started = await transitionOrder(tx, { orderId: current.id, to: 'FULFILLING', actor });
    if (!started.ok) return failWith(started.errors.map((e) => reissued(e, { field: ['input', 'orderId'] })));
    current = started.value;
  }

  const [{ n }] = (await tx.select({ n: count() }).from(shipment).where(eq(shipment.orderId, current.id))) as [{ n: number }];
  const number = `S-${current.number}-${n + 1}`;
  const parcelRow = input.parcelId ? await findParcel(tx, input.parcelId) : null;
  const trackingNumber =
    trimmed(parcelRow?.trackingNumber) ?? trimmed(input.trackingNumber) ?? (input.book ? bookWaybill(carrierRow) : null);
  if (input.book && !trackingNumber) {
    return shipmentFail('INVALID:typeTrackingNumber', ['input', 'trackingNumber'], { carrier: carrierRow.name });
  }
  const now = new Date();
  const [row] = await tx
    .insert(shipment)
    .values({
      orderId: current.id,
      number,
      warehouseId: input.warehouseId,
      carrierCode: carrierRow.code,
      service: trimmed(input.service),
      trackingNumber,
      parcelId: parcelRow?.id ?? null,
      kind,
      status: 'SHIPPED',
      shippedAt: now,
      returnRequestId: input.returnRequestId ?? null,
    })
    .returning();
  const byId = new Map([...left.values()].map((l) => [l.line.id, l.line]));
  const lines = [];
  for (const l of input.lines) {
    const variantId = byId.get(l.orderLineId)!.variantId;
    // Staff may name the lot; otherwise stock's first-in-first-out guess, read before the units leave.
    const lotCode = trimmed(l.lotCode) ?? (await lotCodeFor(tx, { variantId, warehouseId: input.warehouseId }));
    lines.push({ shipmentId: row!.id, orderLineId: l.orderLineId, variantId, quantity: l.quantity, lotCode });
  }
  await tx.insert(shipmentLine).values(lines);
  const moved = await shipFromReservation(tx, {
    reservation: kind === 'ORIGINAL' ? current.id : null,
    reference: number,
    lines: input.lines.map((l) => ({ variantId: byId.get(l.orderLineId)!.variantId, warehouseId: input.warehouseId, quantity: l.quantity })),
    actorId: actor.kind === 'staff' ? actor.id : null,
  });
  // An order without a reservation (imported history) has nothing to move.
  if (!moved.ok && moved.errors[0]!.code !== 'NOT_FOUND') {
    const [error] = moved.errors;
    const at = input.lines.findIndex((l) => error!.message.includes(byId.get(l.orderLineId)!.variantId));
    return shipmentFail('INSUFFICIENT_STOCK', at >= 0 ? ['input', 'lines', String(at), 'quantity'] : ['input', 'warehouseId']);
  }
  await addOrderHistory(tx, {
    orderId: current.id,
    actor,
    kind: kind === 'ORIGINAL' ? 'SHIPMENT' : 'REPLACEMENT_SHIPMENT',
    note: [number, carrierRow.name, trackingNumber].filter(Boolean).join(' · '),
  });
  await publishEvent(tx, {
    type: 'shipment.created',
    subject: subjectOf(current),
    data: { shipmentId: row!.id, shipmentNumber: number, kind, carrierCode: carrierRow.code, trackingNumber, status: row!.status },
  });
  if (kind === 'ORIGINAL') {
    const done = (await unshippedLines(tx, current.id)).every((l) => l.left <= 0);
    const keep = { carrier: carrierRow.name, trackingNumber };
    if (done) {
      const shipped = await transitionOrder(tx, { orderId: current.id, to: 'SHIPPED', actor, note: number });
      if (!shipped.ok) return failWith(shipped.errors.map((e) => reissued(e, { field: ['input', 'orderId'] })));
    }
    // The order shows its latest carrier and tracking number (search finds the order by it).
    if (trackingNumber) await tx.update(order).set(keep).where(eq(order.id, current.id));
  }
  return ok(row!);
}

const subjectOf = (row: OrderRow) => ({ orderId: row.id, orderNumber: row.number, memberId: row.memberId });

async function findParcel(tx: Db, id: string): Promise<ParcelRow | null> {
  if (!isId(id)) return null;
  const [row] = await tx.select().from(parcel).where(eq(parcel.id, id));
  return row ?? null;
}

/**
 * Ships every unshipped line: one shipment per warehouse the order's stock is
 * reserved in (an order without a reservation ships from the first warehouse
 * in picking order). What `orderShip`, the batch CSV and merged parcels use.
 * A waybill booked here covers every shipment of the order.
 */
export async function shipWholeOrder(
  tx: Db,
  actor: OrderActor,
  input: ShipWholeOrderInput,
): Promise<Result<ShipmentRow[], ShipmentErrorCode>> {
  const current = await lockOrder(tx, input.orderId);
  if (!current) return shipmentFail('NOT_FOUND', ['input', 'orderId']);
  const pending = (await unshippedLines(tx, current.id)).filter((l) => l.left > 0);
  if (!pending.length || !SHIPPABLE.includes(current.status)) {
    return shipmentFail('INVALID_TRANSITION:nothingToShip', ['input', 'orderId'], { number: current.number, status: current.status });
  }
  const plan = await planByWarehouse(tx, current.id, pending);
  if (!plan) return shipmentFail('UNKNOWN_WAREHOUSE:none', ['input', 'orderId']);
  const carrierRow = await findActiveCarrier(tx, input.carrierCode);
  if (!carrierRow) return shipmentFail('UNKNOWN_CARRIER', ['input', 'carrierCode']);
  let trackingNumber = trimmed(input.trackingNumber);
  if (input.book && !trackingNumber && !input.parcelId) {
    trackingNumber = bookWaybill(carrierRow);
    if (!trackingNumber) return shipmentFail('INVALID:typeTrackingNumber', ['input', 'trackingNumber'], { carrier: carrierRow.name });
  }
  const created: ShipmentRow[] = [];
  for (const [warehouseId, lines] of plan) {
    const one = await createShipment(tx, actor, {
      orderId: current.id,
      warehouseId,
      lines,
      carrierCode: carrierRow.code,
      trackingNumber,
      parcelId: input.parcelId ?? null,
    });
    if (!one.ok) return one;
    created.push(one.value);
  }
  return ok(created);
}

/** Which warehouse each unshipped unit leaves from: where it is held, the rest from the picking warehouse. */
async function planByWarehouse(
  tx: Db,
  orderId: string,
  pending: Awaited<ReturnType<typeof unshippedLines>>,
): Promise<Map<string, { orderLineId: string; quantity: number }[]> | null> {
  const held = await heldLines(tx, orderId);
  const plan = new Map<string, { orderLineId: string; quantity: number }[]>();
  const add = (warehouseId: string, orderLineId: string, quantity: number) =>
    plan.set(warehouseId, [...(plan.get(warehouseId) ?? []), { orderLineId, quantity }]);
  let fallback: string | null | undefined;
  for (const { line, left } of pending) {
    let rest = left;
    for (const h of held.filter((h) => h.variantId === line.variantId && h.quantity > 0)) {
      const take = Math.min(rest, h.quantity);
      if (!take) break;
      h.quantity -= take;
      rest -= take;
      add(h.warehouseId, line.id, take);
    }
    if (rest > 0) {
      fallback ??= [...plan.keys()][0] ?? (await pickingWarehouseId(tx));
      if (!fallback) return null;
      add(fallback, line.id, rest);
    }
  }
  // Several holds of one line in one warehouse become one shipment line.
  for (const [warehouseId, lines] of plan) {
    const merged = new Map<string, number>();
    for (const l of lines) merged.set(l.orderLineId, (merged.get(l.orderLineId) ?? 0) + l.quantity);
    plan.set(warehouseId, [...merged].map(([orderLineId, quantity]) => ({ orderLineId, quantity })));
  }
  return plan;
}

/** Records one tracking event; a carrier event already recorded (same external id) changes nothing. */
export async function recordTrackingEvent(
  tx: Db,
  actor: OrderActor,
  input: RecordTrackingEventInput,
): Promise<Result<TrackingEventRow, ShipmentErrorCode>> {
  const applied = await applyTrackingEvent(tx, actor, input);
  return applied.ok ? ok(applied.value.event) : applied;
}

/**
 * The newest event sets the shipment's status. A failed attempt or a return to
 * sender opens a delivery exception; the last ORIGINAL shipment delivered
 * delivers the order (which starts its return window).
 */
export async function applyTrackingEvent(
  tx: Db,
  actor: OrderActor,
  input: RecordTrackingEventInput,
): Promise<Result<{ event: TrackingEventRow; duplicate: boolean }, ShipmentErrorCode>> {
  if (!(shipmentStatus.enumValues as readonly string[]).includes(input.status)) {
    return shipmentFail('INVALID:status', ['input', 'status']);
  }
  if (Number.isNaN(input.occurredAt.getTime()) || input.occurredAt.getTime() > Date.now() + 86_400_000) {
    return shipmentFail('INVALID:occurredAt', ['input', 'occurredAt']);
  }
  if ((input.location?.length ?? 0) > 200) return shipmentFail('INVALID:location', ['input', 'location'], { max: 200 });
  if ((input.externalId?.length ?? 0) > 200) return shipmentFail('INVALID:externalId', ['input', 'externalId'], { max: 200 });
  if (!isId(input.shipmentId)) return shipmentFail('NOT_FOUND:shipment', ['input', 'shipmentId']);
  const [found] = await tx.select({ orderId: shipment.orderId }).from(shipment).where(eq(shipment.id, input.shipmentId));
  if (!found) return shipmentFail('NOT_FOUND:shipment', ['input', 'shipmentId']);
  // The order first, as shipping locks it: events of an order's shipments take turns with its shipping.
  const parent = (await lockOrder(tx, found.orderId))!;
  const [row] = await tx.select().from(shipment).where(eq(shipment.id, input.shipmentId)).for('update');
  const [event] = await tx
    .insert(trackingEvent)
    .values({
      shipmentId: row!.id,
      status: input.status,
      occurredAt: input.occurredAt,
      location: trimmed(input.location),
      source: input.source,
      carrierCode: row!.carrierCode,
      externalId: trimmed(input.externalId),
    })
    .onConflictDoNothing()
    .returning();
  if (!event) {
    const [existing] = await tx
      .select()
      .from(trackingEvent)
      .where(and(eq(trackingEvent.shipmentId, row!.id), eq(trackingEvent.carrierCode, row!.carrierCode), eq(trackingEvent.externalId, input.externalId!.trim())));
    return ok({ event: existing!, duplicate: true });
  }
  const [newer] = await tx
    .select({ id: trackingEvent.id })
    .from(trackingEvent)
    .where(and(eq(trackingEvent.shipmentId, row!.id), ne(trackingEvent.id, event.id), gt(trackingEvent.occurredAt, input.occurredAt)))
    .limit(1);
  if (newer) return ok({ event, duplicate: false });
  const delivered = input.status === 'DELIVERED';
  const [updated] = await tx
    .update(shipment)
    .set({ status: input.status, deliveredAt: delivered ? input.occurredAt : row!.deliveredAt, updatedAt: new Date() })
    .where(eq(shipment.id, row!.id))
    .returning();
  if (updated!.status !== row!.status) {
    await addOrderHistory(tx, { orderId: parent.id, actor, kind: 'TRACKING', note: `${row!.number}: ${input.status}` });
    const data = { shipmentId: row!.id, shipmentNumber: row!.number, carrierCode: row!.carrierCode, trackingNumber: row!.trackingNumber, status: input.status };
    await publishEvent(tx, { type: 'shipment.tracking_updated', subject: subjectOf(parent), data });
    if (delivered) await publishEvent(tx, { type: 'shipment.delivered', subject: subjectOf(parent), data });
  }
  if (input.status === 'FAILED_ATTEMPT') await openDeliveryException(tx, actor, parent, updated!, 'FAILED_DELIVERY');
  if (input.status === 'RETURNED_TO_SENDER') await openDeliveryException(tx, actor, parent, updated!, 'RETURNED_TO_SENDER');
  if (delivered && updated!.kind === 'ORIGINAL' && parent.status === 'SHIPPED' && (await allDelivered(tx, parent.id))) {
    const moved = await transitionOrder(tx, { orderId: parent.id, to: 'DELIVERED', actor, note: row!.number });
    if (!moved.ok) return moved;
  }
  return ok({ event, duplicate: false });
}

async function allDelivered(tx: Db, orderId: string): Promise<boolean> {
  const [open] = await tx
    .select({ id: shipment.id })
    .from(shipment)
    .where(and(eq(shipment.orderId, orderId), eq(shipment.kind, 'ORIGINAL'), ne(shipment.status, 'DELIVERED')))
    .limit(1);
  return !open;
}

/** Books a waybill for a shipment that has no tracking number yet, through its carrier's adapter. */
export async function bookShipment(tx: Db, actor: OrderActor, shipmentId: string): Promise<Result<ShipmentRow, ShipmentErrorCode>> {
  if (!isId(shipmentId)) return shipmentFail('NOT_FOUND:shipment', ['input', 'shipmentId']);
  const [row] = await tx.select().from(shipment).where(eq(shipment.id, shipmentId)).for('update');
  if (!row) return shipmentFail('NOT_FOUND:shipment', ['input', 'shipmentId']);
  if (row.trackingNumber) return shipmentFail('INVALID_TRANSITION:hasWaybill', ['input', 'shipmentId'], { number: row.number });
  const carrierRow = await findActiveCarrier(tx, row.carrierCode);
  const trackingNumber = carrierRow ? bookWaybill(carrierRow) : null;
  if (!trackingNumber) return shipmentFail('INVALID:noWaybills', ['input', 'shipmentId']);
  const [updated] = await tx.update(shipment).set({ trackingNumber, updatedAt: new Date() }).where(eq(shipment.id, row.id)).returning();
  await addOrderHistory(tx, { orderId: row.orderId, actor, kind: 'WAYBILL_BOOKED', note: `${row.number} · ${trackingNumber}` });
  if (row.kind === 'ORIGINAL') await tx.update(order).set({ carrier: carrierRow!.name, trackingNumber }).where(eq(order.id, row.orderId));
  return ok(updated!);
}

/** A normalised address and name, hashed: two orders with the same one go to the same door. */
export function addressFingerprint(row: Pick<OrderRow, 'shipName' | 'shipLine1' | 'shipLine2' | 'shipCity' | 'shipRegion' | 'shipPostalCode' | 'shipCountry'>): string {
  const parts = [row.shipName, row.shipLine1, row.shipLine2, row.shipCity, row.shipRegion, row.shipPostalCode, row.shipCountry];
  const normal = parts.map((p) => (p ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()).join('|');
  return createHash('sha256').update(normal).digest('hex');
}

/**
 * Ships several unshipped orders of one member to one address as one parcel
 * (one waybill): each order keeps its own shipments, lines and payments.
 */
export async function shipOrdersTogether(
  tx: Db,
  actor: OrderActor,
  input: { orderIds: string[]; carrierCode: string; trackingNumber?: string | null; book?: boolean | null },
): Promise<Result<{ parcel: ParcelRow; shipments: ShipmentRow[] }, ShipmentErrorCode>> {
  const ids = [...new Set(input.orderIds)].sort();
  if (ids.length < 2) return shipmentFail('NOT_MERGEABLE', ['input', 'orderIds']);
  const rows: OrderRow[] = [];
  // Locked in id order: two merges of overlapping orders never wait on each other in a circle.
  for (const id of ids) {
    const row = await lockOrder(tx, id);
    if (!row) return shipmentFail('NOT_FOUND', ['input', 'orderIds', String(input.orderIds.indexOf(id))]);
    rows.push(row);
  }
  const fingerprint = addressFingerprint(rows[0]!);
  const odd = rows.find((r) => !r.memberId || r.memberId !== rows[0]!.memberId || addressFingerprint(r) !== fingerprint);
  if (odd) {
    return shipmentFail('NOT_MERGEABLE:other', ['input', 'orderIds', String(input.orderIds.indexOf(odd.id))], { number: odd.number });
  }
  const carrierRow = await findActiveCarrier(tx, input.carrierCode);
  if (!carrierRow) return shipmentFail('UNKNOWN_CARRIER', ['input', 'carrierCode']);
  const trackingNumber = trimmed(input.trackingNumber) ?? (input.book ? bookWaybill(carrierRow) : null);
  if (input.book && !trackingNumber) {
    return shipmentFail('INVALID:typeTrackingNumber', ['input', 'trackingNumber'], { carrier: carrierRow.name });
  }
  const [made] = await tx
    .insert(parcel)
    .values({ carrierCode: carrierRow.code, trackingNumber, memberId: rows[0]!.memberId, addressFingerprint: fingerprint })
    .returning();
  const shipments: ShipmentRow[] = [];
  for (const row of rows) {
    const shipped = await shipWholeOrder(tx, actor, { orderId: row.id, carrierCode: carrierRow.code, parcelId: made!.id });
    if (!shipped.ok) {
      return failWith(shipped.errors.map((e) => reissued(e, { field: ['input', 'orderIds', String(input.orderIds.indexOf(row.id))] })));
    }
    shipments.push(...shipped.value);
  }
  return ok({ parcel: made!, shipments });
}

/** The shipments of a parcel's waybill with a carrier (a carrier event names the waybill, not our shipment). */
export async function shipmentsByTracking(tx: Db, carrierCode: string, trackingNumber: string): Promise<ShipmentRow[]> {
  return tx
    .select()
    .from(shipment)
    .where(and(eq(shipment.carrierCode, carrierCode), eq(shipment.trackingNumber, trackingNumber)))
    .orderBy(desc(shipment.createdAt));
}


// Return, refund-only and exchange requests: open, decide, receive into stock, refund, and the reads.
import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { anyId, connectionOf, formatMinor, isId, ok, parseDecimal, requireStepUp, type ConnectionArgs, type Db, type Principal } from '@shop/kit';
import { publishEvent } from '@shop/kit/domain-events';
import { applyMovements, type MovementInput } from '@shop/stock/commands';
import { addOrderHistory, lockOrder, type OrderActor } from '../history/index.js';
import { moneyOf, refundOrderUpTo, stepUpThreshold } from '../payments/index.js';
import { createShipment, shipment, shipmentLine, type ShipmentStatus } from '../shipments/index.js';
import { queueQualityEvaluation } from '../quality/queue.js';
import { orderLine, type OrderLineRow, type OrderRow, type OrderStatus } from '../tables.js';
import { HISTORY_KIND } from './kinds.js';
import { returnError, returnFail, type ReturnRequestError, type ReturnRequestResult } from './errors.js';
import {
  returnReasonCode,
  returnRequest,
  returnRequestKind,
  returnRequestLine,
  returnRequestStatus,
  type ReturnReasonCode,
  type ReturnRequestKind,
  type ReturnRequestLineRow,
  type ReturnRequestRow,
  type ReturnRequestStatus,
} from './tables.js';

const MAX_NOTE = 2000;
const MAX_LINES = 100;

/** Orders shipped as a whole (orderShip before shipments existed, imports): every unit of every line left. */
const SHIPPED_ORDER_STATUSES: readonly OrderStatus[] = ['SHIPPED', 'DELIVERED', 'COMPLETED'];

/** Shipment statuses in which the units have left the warehouse and did not come back to it. */
const LEFT_STATUSES: readonly ShipmentStatus[] = ['SHIPPED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'FAILED_ATTEMPT'];

export interface ReturnRequestCreateInput {
  orderId: string;
  kind: ReturnRequestKind;
  reasonCode: ReturnReasonCode;
  note?: string | null;
  lines: { orderLineId: string; quantity: number }[];
}

const subjectOf = (o: OrderRow) => ({ orderId: o.id, orderNumber: o.number, memberId: o.memberId });

/**
 * What of each order line has left: units and the lot they came from. From
 * the order's original shipments when it has any; else, for an order shipped
 * as a whole, every unit (lot unknown); else nothing.
 */
async function shippedUnits(tx: Db, order: OrderRow, lines: OrderLineRow[]): Promise<Map<string, { quantity: number; lotCode: string | null }>> {
  const rows = await tx
    .select({ orderLineId: shipmentLine.orderLineId, quantity: shipmentLine.quantity, lotCode: shipmentLine.lotCode, status: shipment.status })
    .from(shipmentLine)
    .innerJoin(shipment, eq(shipment.id, shipmentLine.shipmentId))
    .where(and(eq(shipment.orderId, order.id), eq(shipment.kind, 'ORIGINAL')));
  if (!rows.length) {
    const all = SHIPPED_ORDER_STATUSES.includes(order.status);
    return new Map(lines.map((line) => [line.id, { quantity: all ? line.quantity : 0, lotCode: null }]));
  }
  const units = new Map<string, { quantity: number; lotCode: string | null }>();
  for (const row of rows) {
    if (!LEFT_STATUSES.includes(row.status)) continue;
    const entry = units.get(row.orderLineId) ?? { quantity: 0, lotCode: null };
    units.set(row.orderLineId, { quantity: entry.quantity + row.quantity, lotCode: entry.lotCode ?? row.lotCode });
  }
  return units;
}

/** Units of each order line already on a request that was not rejected. */
async function requestedQuantities(tx: Db, orderId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ orderLineId: returnRequestLine.orderLineId, quantity: sql<number>`sum(${returnRequestLine.quantity})::int` })
    .from(returnRequestLine)
    .innerJoin(returnRequest, eq(returnRequest.id, returnRequestLine.returnRequestId))
    .where(and(eq(returnRequest.orderId, orderId), ne(returnRequest.status, 'REJECTED')))
    .groupBy(returnRequestLine.orderLineId);
  return new Map(rows.map((r) => [r.orderLineId, r.quantity]));
}

function parseNote(note: string | null | undefined, field: string[]): ReturnRequestResult<string | null> {
  const text = note?.trim() ?? '';
  if (text.length > MAX_NOTE) return returnFail('INVALID_NOTE', field, { max: MAX_NOTE });
  return ok(text || null);
}

/**
 * Opens a request on an order's shipped lines, in the caller's transaction.
 * A customer (`memberId` set) reaches only their own orders: another's looks
 * like no order at all. Each line's quantity is at most what shipped minus
 * what other requests (not rejected) already claim; the order row lock keeps
 * two concurrent requests from claiming the same units.
 */
export async function createReturnRequest(
  tx: Db,
  actor: OrderActor,
  input: ReturnRequestCreateInput,
  opener: { openedBy: 'CUSTOMER' | 'STAFF'; memberId: string | null },
): Promise<ReturnRequestResult<ReturnRequestRow>> {
  const note = parseNote(input.note, ['input', 'note']);
  if (!note.ok) return note;
  if (!input.lines.length || input.lines.length > MAX_LINES) return returnFail('NO_LINES', ['input', 'lines']);
  const order = await lockOrder(tx, input.orderId);
  if (!order || (opener.openedBy === 'CUSTOMER' && order.memberId !== opener.memberId)) {
    return returnFail('ORDER_NOT_FOUND', ['input', 'orderId']);
  }
  const lines = await tx.select().from(orderLine).where(eq(orderLine.orderId, order.id));
  const shipped = await shippedUnits(tx, order, lines);
  if (![...shipped.values()].some((s) => s.quantity > 0)) return returnFail('ORDER_NOT_SHIPPED', ['input', 'orderId']);
  const requested = await requestedQuantities(tx, order.id);
  const errors: ReturnRequestError[] = [];
  const seen = new Set<string>();
  const values: { line: OrderLineRow; quantity: number; lotCode: string | null }[] = [];
  input.lines.forEach((wanted, i) => {
    const field = ['input', 'lines', String(i)];
    const line = lines.find((l) => l.id === wanted.orderLineId);
    if (!line) return void errors.push(returnError('LINE_NOT_FOUND', [...field, 'orderLineId']));
    if (seen.has(line.id)) return void errors.push(returnError('DUPLICATE_LINE', [...field, 'orderLineId']));
    seen.add(line.id);
    const max = (shipped.get(line.id)?.quantity ?? 0) - (requested.get(line.id) ?? 0);
    if (!Number.isInteger(wanted.quantity) || wanted.quantity < 1 || wanted.quantity > max) {
      return void errors.push(returnError('INVALID_QUANTITY', [...field, 'quantity'], { max: Math.max(max, 0) }));
    }
    values.push({ line, quantity: wanted.quantity, lotCode: shipped.get(line.id)?.lotCode ?? null });
  });
  if (errors.length) return { ok: false, errors };

  const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(returnRequest).where(eq(returnRequest.orderId, order.id))) as [{ n: number }];
  const [created] = await tx
    .insert(returnRequest)
    .values({
      number: `R-${order.number}-${n + 1}`,
      orderId: order.id,
      memberId: order.memberId,
      kind: input.kind,
      reasonCode: input.reasonCode,
      customerNote: note.value,
      openedBy: opener.openedBy,
      currencyCode: order.currencyCode,
    })
    .returning();
  await tx.insert(returnRequestLine).values(
    values.map(({ line, quantity, lotCode }) => ({ returnRequestId: created!.id, orderLineId: line.id, variantId: line.variantId, quantity, lotCode })),
  );
  await addOrderHistory(tx, { orderId: order.id, actor, kind: HISTORY_KIND.REQUESTED, note: created!.number });
  await publishEvent(tx, {
    type: 'after_sales.requested',
    subject: subjectOf(order),
    data: { returnRequestId: created!.id, number: created!.number, kind: created!.kind, reasonCode: created!.reasonCode, status: created!.status },
  });
  await queueQualityEvaluation(tx);
  return ok(created!);
}

/** The request and its order, both locked (the order first, as every payment path locks). */
async function lockedRequest(tx: Db, id: string): Promise<{ order: OrderRow; request: ReturnRequestRow } | null> {
  if (!isId(id)) return null;
  const [found] = await tx.select({ orderId: returnRequest.orderId }).from(returnRequest).where(eq(returnRequest.id, id));
  if (!found) return null;
  const order = await lockOrder(tx, found.orderId);
  const [request] = await tx.select().from(returnRequest).where(eq(returnRequest.id, id)).for('update');
  return order && request ? { order, request } : null;
}

/** Moves a request to a new status: the row, the order's timeline and the business event. */
async function moveTo(
  tx: Db,
  actor: OrderActor,
  found: { order: OrderRow; request: ReturnRequestRow },
  to: ReturnRequestStatus,
  change: Partial<Pick<ReturnRequestRow, 'staffNote' | 'refundedMinor' | 'refundShipping'>> = {},
  timelineNote: string = found.request.number,
): Promise<ReturnRequestRow> {
  const [updated] = await tx
    .update(returnRequest)
    .set({ ...change, status: to, updatedAt: sql`now()` })
    .where(eq(returnRequest.id, found.request.id))
    .returning();
  await addOrderHistory(tx, { orderId: found.order.id, actor, kind: HISTORY_KIND[to], note: timelineNote });
  if (to !== found.request.status) {
    await publishEvent(tx, {
      type: 'after_sales.status_changed',
      subject: subjectOf(found.order),
      data: { returnRequestId: found.request.id, number: found.request.number, kind: found.request.kind, from: found.request.status, to },
    });
    // A rejection leaves the defect count, a receipt confirms it: quality alerts follow soon.
    await queueQualityEvaluation(tx);
  }
  return updated!;
}

/** Staff notes accumulate: each decision or receipt adds its line. */
const withStaffNote = (previous: string | null, note: string | null) => (note ? (previous ? `${previous}\n${note}` : note) : previous);

/** returnRequestApprove / returnRequestReject: a requested request is decided once; a rejection says why. */
export async function decideReturnRequest(
  tx: Db,
  actor: OrderActor,
  input: { id: string; note?: string | null },
  decision: 'APPROVED' | 'REJECTED',
): Promise<ReturnRequestResult<ReturnRequestRow>> {
  const note = parseNote(input.note, ['input', 'note']);
  if (!note.ok) return note;
  if (decision === 'REJECTED' && !note.value) return returnFail('NOTE_REQUIRED', ['input', 'note'], { max: MAX_NOTE });
  const found = await lockedRequest(tx, input.id);
  if (!found) return returnFail('NOT_FOUND', ['input', 'id']);
  if (found.request.status !== 'REQUESTED') return returnFail('INVALID_STATE', ['input', 'id'], { status: found.request.status });
  return ok(await moveTo(tx, actor, found, decision, { staffNote: withStaffNote(found.request.staffNote, note.value) }));
}

export interface ReceiveInput {
  id: string;
  warehouseId: string;
  note?: string | null;
  lines: { lineId: string; quantity: number; disposition: 'RESTOCK' | 'WRITE_OFF' }[];
}

/**
 * returnRequestReceive: the returned items arrived at a warehouse. Each line
 * is restocked (a RETURN movement adds it to on hand) or written off as
 * damaged (a RETURN then a WRITE_OFF with reason DAMAGED, so the ledger shows
 * both the arrival and the loss). Lines left out arrived with nothing.
 */
export async function receiveReturnRequest(tx: Db, actor: OrderActor, input: ReceiveInput): Promise<ReturnRequestResult<ReturnRequestRow>> {
  const note = parseNote(input.note, ['input', 'note']);
  if (!note.ok) return note;
  if (!input.lines.length || input.lines.length > MAX_LINES) return returnFail('NO_LINES', ['input', 'lines']);
  const found = await lockedRequest(tx, input.id);
  if (!found) return returnFail('NOT_FOUND', ['input', 'id']);
  const { request, order } = found;
  if (request.status !== 'APPROVED' || request.kind === 'REFUND_ONLY') {
    return returnFail('INVALID_STATE', ['input', 'id'], { status: request.status });
  }
  if (!isId(input.warehouseId)) return returnFail('WAREHOUSE_NOT_FOUND', ['input', 'warehouseId']);
  const lines = await tx.select().from(returnRequestLine).where(eq(returnRequestLine.returnRequestId, request.id));
  const errors: ReturnRequestError[] = [];
  const seen = new Set<string>();
  const received: { line: ReturnRequestLineRow; quantity: number; disposition: 'RESTOCK' | 'WRITE_OFF' }[] = [];
  input.lines.forEach((wanted, i) => {
    const field = ['input', 'lines', String(i)];
    const line = lines.find((l) => l.id === wanted.lineId);
    if (!line) return void errors.push(returnError('LINE_NOT_FOUND', [...field, 'lineId']));
    if (seen.has(line.id)) return void errors.push(returnError('DUPLICATE_LINE', [...field, 'lineId']));
    seen.add(line.id);
    if (!Number.isInteger(wanted.quantity) || wanted.quantity < 1 || wanted.quantity > line.quantity) {
      return void errors.push(returnError('INVALID_QUANTITY', [...field, 'quantity'], { max: line.quantity }));
    }
    received.push({ line, quantity: wanted.quantity, disposition: wanted.disposition });
  });
  if (errors.length) return { ok: false, errors };

  const movements: MovementInput[] = received.flatMap(({ line, quantity, disposition }) => {
    const base = { variantId: line.variantId, warehouseId: input.warehouseId, reservedDelta: 0, reference: request.number, actorId: actor.id };
    const arrival: MovementInput = { ...base, kind: 'RETURN', onHandDelta: quantity };
    return disposition === 'RESTOCK' ? [arrival] : [arrival, { ...base, kind: 'WRITE_OFF', onHandDelta: -quantity, reasonCode: 'DAMAGED' }];
  });
  const moved = await applyMovements(tx, movements);
  if (!moved.ok) {
    const unknown = moved.errors.some((e) => e.code === 'UNKNOWN_WAREHOUSE');
    return returnFail(unknown ? 'WAREHOUSE_NOT_FOUND' : 'INVALID_QUANTITY', unknown ? ['input', 'warehouseId'] : ['input', 'lines'], { max: 0 });
  }
  for (const { line, quantity, disposition } of received) {
    await tx
      .update(returnRequestLine)
      .set({ receivedQuantity: quantity, disposition, warehouseId: input.warehouseId, updatedAt: sql`now()` })
      .where(eq(returnRequestLine.id, line.id));
  }
  return ok(await moveTo(tx, actor, found, 'RECEIVED', { staffNote: withStaffNote(request.staffNote, note.value) }));
}

/** What a request may give back in all: its lines at the price sold (received units for returns and exchanges), plus shipping when included. */
async function requestValue(tx: Db, request: ReturnRequestRow, order: OrderRow, includeShipping: boolean): Promise<bigint> {
  const rows = await tx
    .select({ quantity: returnRequestLine.quantity, received: returnRequestLine.receivedQuantity, unitPriceMinor: orderLine.unitPriceMinor })
    .from(returnRequestLine)
    .innerJoin(orderLine, eq(orderLine.id, returnRequestLine.orderLineId))
    .where(eq(returnRequestLine.returnRequestId, request.id));
  const units = (r: (typeof rows)[number]) => BigInt(request.kind === 'REFUND_ONLY' ? r.quantity : r.received);
  const lines = rows.reduce((sum, r) => sum + r.unitPriceMinor * units(r), 0n);
  return lines + (includeShipping ? order.shippingMinor : 0n);
}

/** Whether the request is at a step where money may go back: a refund-only request once approved; a return or exchange once received. */
function refundable(request: ReturnRequestRow): boolean {
  if (request.status === 'RECEIVED' || request.status === 'REFUNDED') return true;
  return request.kind === 'REFUND_ONLY' && request.status === 'APPROVED';
}

const moneyText = (minor: bigint, currency: string) => `${formatMinor(minor, currency)} ${currency}`;

/**
 * returnRequestRefund: gives money back through the order's payment
 * providers (oldest payment first). Without an amount, everything the request
 * may still give back. Never more than the request's value minus what it
 * refunded, nor more than the order's payments captured minus refunded: the
 * order and the request are locked first, so concurrent refunds queue and
 * each sees the sums the previous one left. Above REFUND_STEP_UP_AMOUNT the
 * caller needs a fresh step-up (the payments rule).
 */
export async function refundReturnRequest(
  tx: Db,
  principal: Principal,
  actor: OrderActor,
  input: { id: string; amount?: string | null; includeShipping?: boolean | null },
): Promise<ReturnRequestResult<ReturnRequestRow>> {
  const found = await lockedRequest(tx, input.id);
  if (!found) return returnFail('NOT_FOUND', ['input', 'id']);
  const { request, order } = found;
  if (!refundable(request)) return returnFail('INVALID_STATE', ['input', 'id'], { status: request.status });
  const includeShipping = input.includeShipping ?? request.refundShipping;
  const requestLeft = (await requestValue(tx, request, order, includeShipping)) - request.refundedMinor;
  const money = await moneyOf(tx, order.id);
  const capturedLeft = money.capturedMinor - money.refundedMinor;
  let amountMinor: bigint;
  if (input.amount == null) {
    amountMinor = requestLeft < capturedLeft ? requestLeft : capturedLeft;
  } else {
    const parsed = parseDecimal(input.amount, order.currencyCode);
    if (parsed === null || parsed <= 0n) return returnFail('INVALID_AMOUNT', ['input', 'amount']);
    amountMinor = parsed;
  }
  if (amountMinor > requestLeft || requestLeft <= 0n) {
    return returnFail('EXCEEDS_REQUEST', ['input', 'amount'], { left: moneyText(requestLeft > 0n ? requestLeft : 0n, order.currencyCode) });
  }
  if (amountMinor > capturedLeft || amountMinor <= 0n) {
    return returnFail('EXCEEDS_CAPTURED', ['input', 'amount'], { left: moneyText(capturedLeft > 0n ? capturedLeft : 0n, order.currencyCode) });
  }
  const threshold = stepUpThreshold(order.currencyCode);
  if (amountMinor > threshold) requireStepUp(principal, `refund more than ${moneyText(threshold, order.currencyCode)}`);
  const refunded = await refundOrderUpTo(tx, order, actor, `Return ${request.number}`, amountMinor);
  if (!refunded.ok || refunded.value !== amountMinor) return returnFail('PROVIDER_REFUSED', ['input', 'amount']);
  const updated = await moveTo(
    tx,
    actor,
    found,
    'REFUNDED',
    { refundedMinor: request.refundedMinor + amountMinor, refundShipping: includeShipping },
    `${request.number}: ${moneyText(amountMinor, order.currencyCode)}`,
  );
  await publishEvent(tx, {
    type: 'after_sales.refunded',
    subject: subjectOf(order),
    data: {
      returnRequestId: request.id,
      number: request.number,
      amount: formatMinor(amountMinor, order.currencyCode),
      currencyCode: order.currencyCode,
      shippingIncluded: includeShipping,
    },
  });
  return ok(updated);
}

export interface ExchangeInput {
  id: string;
  warehouseId: string;
  carrierCode: string;
  service?: string | null;
  trackingNumber?: string | null;
  book?: boolean | null;
}

/**
 * returnRequestExchange: ships the request's units again as a REPLACEMENT
 * shipment (from available stock at the warehouse, no new payment), once the
 * exchange is approved or its items arrived back. Shipments' own refusals
 * (unknown carrier, no stock) come back as SHIPMENT_REFUSED with their reason.
 */
export async function exchangeReturnRequest(tx: Db, actor: OrderActor, input: ExchangeInput): Promise<ReturnRequestResult<ReturnRequestRow>> {
  const found = await lockedRequest(tx, input.id);
  if (!found) return returnFail('NOT_FOUND', ['input', 'id']);
  const { request, order } = found;
  if (request.kind !== 'EXCHANGE') return returnFail('NOT_EXCHANGE', ['input', 'id']);
  if (request.status !== 'APPROVED' && request.status !== 'RECEIVED') return returnFail('INVALID_STATE', ['input', 'id'], { status: request.status });
  const lines = await tx.select().from(returnRequestLine).where(eq(returnRequestLine.returnRequestId, request.id));
  const shipped = await createShipment(tx, actor, {
    orderId: order.id,
    warehouseId: input.warehouseId,
    lines: lines.map((line) => ({ orderLineId: line.orderLineId, quantity: line.quantity })),
    carrierCode: input.carrierCode,
    service: input.service ?? null,
    trackingNumber: input.trackingNumber ?? null,
    book: input.book ?? false,
    kind: 'REPLACEMENT',
    returnRequestId: request.id,
  });
  if (!shipped.ok) {
    const first = shipped.errors[0]!;
    const field = first.code === 'UNKNOWN_CARRIER' ? ['input', 'carrierCode'] : first.code === 'INSUFFICIENT_STOCK' ? ['input', 'warehouseId'] : ['input'];
    return returnFail('SHIPMENT_REFUSED', field, { reason: first.message });
  }
  return ok(await moveTo(tx, actor, found, 'EXCHANGED', {}, `${request.number}: ${shipped.value.number}`));
}

export interface ReturnRequestFilter {
  status?: ReturnRequestStatus[] | null;
  kind?: ReturnRequestKind[] | null;
  reasonCode?: ReturnReasonCode[] | null;
  orderId?: string | null;
}

/** The request list's condition; `memberId` keeps a customer to their own. */
function requestFilterSql(f: ReturnRequestFilter, memberId: string | null): SQL | undefined {
  const valid = <T extends string>(values: readonly T[] | null | undefined, allowed: readonly string[]) =>
    values?.length ? values.filter((v) => allowed.includes(v)) : null;
  const statuses = valid(f.status, returnRequestStatus.enumValues);
  const kinds = valid(f.kind, returnRequestKind.enumValues);
  const reasons = valid(f.reasonCode, returnReasonCode.enumValues);
  return and(
    memberId ? eq(returnRequest.memberId, memberId) : undefined,
    statuses ? inArray(returnRequest.status, statuses) : undefined,
    kinds ? inArray(returnRequest.kind, kinds) : undefined,
    reasons ? inArray(returnRequest.reasonCode, reasons) : undefined,
    f.orderId ? (isId(f.orderId) ? eq(returnRequest.orderId, f.orderId) : sql`false`) : undefined,
  );
}

/** How many requests match a filter: the list's totalCount and the dashboard's "after-sales waiting". */
export function countReturnRequests(db: Db, f: ReturnRequestFilter, memberId: string | null = null): Promise<number> {
  return db.$count(returnRequest, requestFilterSql(f, memberId));
}

/** Requests newest first, narrowed by the filter; `memberId` keeps a customer to their own. */
export function listReturnRequests(db: Db, args: ConnectionArgs & { filter?: ReturnRequestFilter | null }, memberId: string | null = null) {
  const f = args.filter ?? {};
  const filter = requestFilterSql(f, memberId);
  return connectionOf(args, {
    sort: returnRequest.createdAt,
    id: returnRequest.id,
    descending: true,
    filter,
    rows: (page) => db.select().from(returnRequest).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: () => countReturnRequests(db, f, memberId),
  });
}

/** Requests by id; a customer gets only their own (the row rule), anyone else nothing. */
export function returnRequestsByIds(db: Db, ids: readonly string[], principal: Principal) {
  if (principal.kind === 'anonymous') return Promise.resolve([]);
  const own = principal.kind === 'customer' ? eq(returnRequest.memberId, principal.memberId) : undefined;
  return db.select().from(returnRequest).where(and(anyId(returnRequest.id, ids), own));
}

/** Lines of many requests in one query. */
export function linesByRequestIds(db: Db, ids: readonly string[]) {
  return db.select().from(returnRequestLine).where(anyId(returnRequestLine.returnRequestId, ids)).orderBy(returnRequestLine.createdAt, returnRequestLine.id);
}

/** Requests of many orders in one query, oldest first. */
export function requestsByOrderIds(db: Db, orderIds: readonly string[]) {
  return db.select().from(returnRequest).where(anyId(returnRequest.orderId, orderIds)).orderBy(returnRequest.createdAt, returnRequest.id);
}

/** Order lines by id in one query (a request line's sold line). */
export function orderLinesByIds(db: Db, ids: readonly string[]) {
  return db.select().from(orderLine).where(anyId(orderLine.id, ids));
}

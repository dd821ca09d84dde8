// Resolving delivery exceptions and listing them.
import { and, count, eq } from 'drizzle-orm';
import { anyId, connectionOf, fail, isId, ok, type ConnectionArgs, type Db, type Result } from '@shop/kit';
import { publishEvent } from '@shop/kit/domain-events';
import { addOrderHistory, lockOrder, type OrderActor } from '../history/index.js';
import { createShipment, type ShipmentErrorCode } from '../shipments/service.js';
import { shipment, shipmentLine } from '../shipments/tables.js';
import { deliveryException, type DeliveryExceptionResolution, type DeliveryExceptionRow } from './tables.js';

const MAX_NOTE = 2000;

export interface ResolveInput {
  id: string;
  resolution: DeliveryExceptionResolution;
  note?: string | null;
  carrierCode?: string | null;
  book?: boolean | null;
}

/**
 * Resolves an OPEN exception once: RESHIP sends the failed shipment's lines
 * again (a REPLACEMENT from available stock at the same warehouse), REFUND
 * records the decision (the money goes back through paymentRefund), CONTACTED
 * records that the customer was reached.
 */
export async function resolveDeliveryException(
  tx: Db,
  actor: OrderActor,
  input: ResolveInput,
): Promise<Result<DeliveryExceptionRow, ShipmentErrorCode>> {
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_NOTE) return fail('INVALID', `A note has at most ${MAX_NOTE} characters.`, ['input', 'note']);
  if (!isId(input.id)) return fail('NOT_FOUND', `No delivery exception ${input.id}.`, ['input', 'id']);
  const [found] = await tx
    .select({ orderId: shipment.orderId })
    .from(deliveryException)
    .innerJoin(shipment, eq(shipment.id, deliveryException.shipmentId))
    .where(eq(deliveryException.id, input.id));
  if (!found) return fail('NOT_FOUND', `No delivery exception ${input.id}.`, ['input', 'id']);
  // The order first, as shipping and tracking lock it.
  const parent = (await lockOrder(tx, found.orderId))!;
  const [open] = await tx.select().from(deliveryException).where(eq(deliveryException.id, input.id)).for('update');
  if (open!.status !== 'OPEN') return fail('INVALID_TRANSITION', 'This delivery exception is already resolved.', ['input', 'id']);
  const [failed] = await tx.select().from(shipment).where(eq(shipment.id, open!.shipmentId));
  let reshipmentId: string | null = null;
  if (input.resolution === 'RESHIP') {
    const lines = await tx.select().from(shipmentLine).where(eq(shipmentLine.shipmentId, failed!.id));
    const again = await createShipment(tx, actor, {
      orderId: parent.id,
      warehouseId: failed!.warehouseId,
      lines: lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity, lotCode: null })),
      carrierCode: input.carrierCode ?? failed!.carrierCode,
      book: input.book ?? false,
      kind: 'REPLACEMENT',
    });
    if (!again.ok) return { ok: false, errors: again.errors.map((e) => ({ ...e, field: ['input', 'resolution'] })) };
    reshipmentId = again.value.id;
  }
  const staffId = actor.kind === 'staff' && actor.id && isId(actor.id) ? actor.id : null;
  const [resolved] = await tx
    .update(deliveryException)
    .set({ status: 'RESOLVED', resolution: input.resolution, note, resolvedByStaffId: staffId, resolvedAt: new Date(), reshipmentId, updatedAt: new Date() })
    .where(and(eq(deliveryException.id, open!.id), eq(deliveryException.status, 'OPEN')))
    .returning();
  await addOrderHistory(tx, { orderId: parent.id, actor, kind: 'DELIVERY_EXCEPTION_RESOLVED', note: `${failed!.number}: ${input.resolution}${note ? ` — ${note}` : ''}` });
  await publishEvent(tx, {
    type: 'delivery_exception.resolved',
    subject: { orderId: parent.id, orderNumber: parent.number, memberId: parent.memberId },
    data: { deliveryExceptionId: open!.id, shipmentId: failed!.id, shipmentNumber: failed!.number, resolution: input.resolution, reshipmentId },
  });
  return ok(resolved!);
}

type ExceptionStatus = DeliveryExceptionRow['status'];

const statusSql = (status: ExceptionStatus | null | undefined) => (status ? eq(deliveryException.status, status) : undefined);

/** How many exceptions are in a status (all when absent): the list's totalCount and the dashboard's tile. */
export async function countDeliveryExceptions(db: Db, status: ExceptionStatus | null | undefined): Promise<number> {
  return (await db.select({ n: count() }).from(deliveryException).where(statusSql(status)))[0]!.n;
}

/** Exceptions newest first, optionally only OPEN or RESOLVED ones. */
export function listDeliveryExceptions(db: Db, args: ConnectionArgs & { status?: ExceptionStatus | null }) {
  const filter = statusSql(args.status);
  return connectionOf(args, {
    sort: deliveryException.createdAt,
    id: deliveryException.id,
    descending: true,
    filter,
    rows: (page) => db.select().from(deliveryException).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: () => countDeliveryExceptions(db, args.status),
  });
}

export const deliveryExceptionsByIds = (db: Db, ids: readonly string[]) => db.select().from(deliveryException).where(anyId(deliveryException.id, ids));

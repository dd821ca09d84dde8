// Opening a delivery exception from tracking: a leaf, so shipments can use it and exceptions can reship through shipments.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { publishEvent } from '@shop/kit/domain-events';
import { addOrderHistory, type OrderActor } from '../history/index.js';
import type { ShipmentRow } from '../shipments/tables.js';
import type { OrderRow } from '../tables.js';
import { deliveryException, type DeliveryExceptionKind, type DeliveryExceptionRow } from './tables.js';

/**
 * Opens an exception for a shipment the carrier could not deliver, once: while
 * one is open for the shipment, a further failed attempt changes nothing, and a
 * return to sender turns it into that kind.
 */
export async function openDeliveryException(
  tx: Db,
  actor: OrderActor,
  parent: OrderRow,
  row: ShipmentRow,
  kind: DeliveryExceptionKind,
): Promise<DeliveryExceptionRow> {
  const [open] = await tx
    .select()
    .from(deliveryException)
    .where(and(eq(deliveryException.shipmentId, row.id), eq(deliveryException.status, 'OPEN')))
    .for('update');
  if (open) {
    if (open.kind === kind || kind === 'FAILED_DELIVERY') return open;
    const [changed] = await tx
      .update(deliveryException)
      .set({ kind, updatedAt: new Date() })
      .where(eq(deliveryException.id, open.id))
      .returning();
    return changed!;
  }
  const [opened] = await tx.insert(deliveryException).values({ shipmentId: row.id, kind }).returning();
  await addOrderHistory(tx, { orderId: parent.id, actor, kind: 'DELIVERY_EXCEPTION', note: `${row.number}: ${kind}` });
  await publishEvent(tx, {
    type: 'delivery_exception.opened',
    subject: { orderId: parent.id, orderNumber: parent.number, memberId: parent.memberId },
    data: { deliveryExceptionId: opened!.id, shipmentId: row.id, shipmentNumber: row.number, kind },
  });
  return opened!;
}

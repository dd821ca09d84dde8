// Shipping one whole order of a batch, through shipments (one shipment per warehouse it is held in).
import { eq } from 'drizzle-orm';
import { ok, type Db, type Result } from '@shop/kit';
import { carrier, type CarrierRow } from '../carriers/index.js';
import type { OrderActor } from '../history/index.js';
import { shipWholeOrder, type ShipmentErrorCode } from '../shipments/index.js';
import { order, type OrderStatus } from '../tables.js';

/** States from which a batch may ship an order: paid (fulfilment starts on the way) or being fulfilled. */
export const SHIPPABLE: readonly OrderStatus[] = ['PAID', 'FULFILLING'];

/** The active carriers by code. */
export async function activeCarriers(db: Db): Promise<Map<string, CarrierRow>> {
  const rows = await db.select().from(carrier).where(eq(carrier.active, true));
  return new Map(rows.map((row) => [row.code, row]));
}

/**
 * Ships every unshipped line of one order in the caller's transaction
 * (shipments' shipWholeOrder: stock out of its reservation, history, events,
 * the order SHIPPED), booking a waybill when asked, and keeps the carrier and
 * tracking number on the order as orderShip does (search and exports read them).
 * Answers the tracking number.
 */
export async function shipOne(
  tx: Db,
  actor: OrderActor,
  input: { orderId: string; carrierCode: string; trackingNumber?: string | null; book?: boolean },
): Promise<Result<string | null, ShipmentErrorCode>> {
  const shipped = await shipWholeOrder(tx, actor, input);
  if (!shipped.ok) return shipped;
  const trackingNumber = shipped.value[0]?.trackingNumber ?? input.trackingNumber ?? null;
  await tx.update(order).set({ carrier: input.carrierCode, trackingNumber }).where(eq(order.id, input.orderId));
  return ok(trackingNumber);
}

/** Shipments' refusals as report codes. */
export const REFUSALS: Record<ShipmentErrorCode, string> = {
  NOT_FOUND: 'UNKNOWN_ORDER',
  INVALID_TRANSITION: 'WRONG_STATE',
  OVER_SHIPPED: 'WRONG_STATE',
  NOT_MERGEABLE: 'WRONG_STATE',
  ORDER_ON_HOLD: 'ORDER_ON_HOLD',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  UNKNOWN_CARRIER: 'UNKNOWN_CARRIER',
  UNKNOWN_WAREHOUSE: 'NO_WAREHOUSE',
  INVALID: 'BOOKING_FAILED',
};

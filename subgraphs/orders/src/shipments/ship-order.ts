// orderShip: the whole order in one go, as the API always offered it, now through shipments.
import { eq } from 'drizzle-orm';
import { ok, reissued, type Db, type Result } from '@shop/kit';
import { CARRIERS } from '../carriers/seed.js';
import { lockOrder, type OrderActor } from '../history/index.js';
import type { LifecycleErrorCode } from '../lifecycle/service.js';
import { order, type OrderRow } from '../tables.js';
import { shipWholeOrder, type ShipmentErrorCode } from './service.js';
import { shipmentFail } from '../errors/index.js';

/** The carrier a typed name means ("Kerry", "kerry express", "KERRY"), else the catch-all MANUAL. */
export function carrierCodeFor(typed: string): string {
  const text = typed.trim().toLowerCase();
  const code = text.toUpperCase().replace(/[\s&-]+/g, '_');
  const found = CARRIERS.find((c) => c.code === code || c.name.toLowerCase() === text || c.name.toLowerCase().startsWith(`${text} `));
  return found?.code ?? 'MANUAL';
}

/**
 * Hands a FULFILLING order to a carrier: every line in one shipment per warehouse
 * it is held in, the order SHIPPED, the typed carrier and tracking number kept on the order.
 */
export async function shipOrder(
  tx: Db,
  actor: OrderActor,
  input: { id: string; carrier: string; trackingNumber: string },
): Promise<Result<OrderRow, LifecycleErrorCode | ShipmentErrorCode | 'INVALID'>> {
  const carrier = input.carrier.trim();
  const trackingNumber = input.trackingNumber.trim();
  if (!carrier || carrier.length > 100) return shipmentFail('INVALID:carrier', ['input', 'carrier'], { max: 100 });
  if (!trackingNumber || trackingNumber.length > 100) {
    return shipmentFail('INVALID:trackingNumberLength', ['input', 'trackingNumber'], { max: 100 });
  }
  const current = await lockOrder(tx, input.id);
  if (!current) return shipmentFail('NOT_FOUND', ['input', 'id']);
  if (current.status !== 'FULFILLING') {
    return shipmentFail('INVALID_TRANSITION:toShipped', ['input', 'id'], { number: current.number, status: current.status });
  }
  const shipped = await shipWholeOrder(tx, actor, { orderId: current.id, carrierCode: carrierCodeFor(carrier), trackingNumber });
  if (!shipped.ok) return { ok: false, errors: shipped.errors.map((e) => reissued(e, { field: e.field && ['input', 'id'] })) };
  const [row] = await tx.update(order).set({ carrier, trackingNumber }).where(eq(order.id, current.id)).returning();
  return ok(row!);
}

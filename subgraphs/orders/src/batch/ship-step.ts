// Shipping one order of a batch, through the order lifecycle.
import { fail, type Db, type Result } from '@shop/kit';
import { lockOrder, type OrderActor } from '../history/index.js';
import { shipOrder, transitionOrder, type LifecycleErrorCode } from '../lifecycle/index.js';
import type { OrderRow, OrderStatus } from '../tables.js';

/** Carriers a batch may name (issue #14's list); orders' carrier table replaces it once shipments land. */
export const CARRIER_CODES: ReadonlySet<string> = new Set([
  'THAILAND_POST', 'KERRY', 'FLASH', 'JT', 'SF_EXPRESS', 'ARAMEX', 'SMSA', 'MANUAL', 'SANDBOX',
]);

/** States from which an order may be marked shipped: paid (fulfilment starts on the way) or being fulfilled. */
export const SHIPPABLE: readonly OrderStatus[] = ['PAID', 'FULFILLING'];

/**
 * Marks one order shipped in the caller's transaction: a paid order first
 * starts fulfilment (refused while on hold), then ships with its stock
 * committed, carrier and tracking number kept, history written.
 */
export async function shipOne(
  tx: Db,
  actor: OrderActor,
  input: { orderId: string; carrier: string; trackingNumber: string },
): Promise<Result<OrderRow, LifecycleErrorCode | 'INVALID'>> {
  const current = await lockOrder(tx, input.orderId);
  if (!current) return fail('NOT_FOUND', `No order ${input.orderId}.`);
  if (current.status === 'PAID') {
    const fulfilling = await transitionOrder(tx, { orderId: current.id, to: 'FULFILLING', actor });
    if (!fulfilling.ok) return fulfilling;
  }
  return shipOrder(tx, actor, { id: current.id, carrier: input.carrier, trackingNumber: input.trackingNumber });
}

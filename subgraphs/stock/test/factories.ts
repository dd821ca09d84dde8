import { randomUUID } from 'node:crypto';
import type { DemoPlan } from '@shop/kit/demo-plan';

/** A plan holding only what the stock seed reads: warehouses and levels. */
export function makeStockPlan(options: { variants: number; warehouses: number }): DemoPlan {
  const warehouses = Array.from({ length: options.warehouses }, (_, i) => ({
    id: randomUUID(),
    code: `WH-${i + 1}`,
    name: `Warehouse ${i + 1}`,
    // Reverse of creation order, so picking order is not insertion order.
    priority: options.warehouses - i,
  }));
  const variantIds = Array.from({ length: options.variants }, () => randomUUID());
  const levels = variantIds.flatMap((variantId, v) =>
    warehouses.map((w, i) => ({ variantId, warehouseId: w.id, onHand: 10 * (v + 1) + i })),
  );
  return { currencyCode: 'THB', products: [], warehouses, levels, members: [], orders: [], coupons: [] };
}

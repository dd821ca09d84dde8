import { randomUUID } from 'node:crypto';
import type { DemoChannel, DemoOrder, DemoOrderStatus, DemoPlan } from '@shop/kit/demo-plan';

const CHANNELS: DemoChannel[] = ['ONLINE_STORE', 'MINI_PROGRAM', 'MOBILE_APP', 'POINT_OF_SALE', 'MARKETPLACE'];
const STATUSES: DemoOrderStatus[] = ['PENDING_PAYMENT', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED'];
const START = Date.parse('2026-01-01T00:00:00.000Z');

/**
 * A plan holding only what the orders seed reads. Every third order shares its
 * predecessor's timestamp, so keyset pages must break ties by id.
 */
export function makeOrderPlan(options: { orders: number; members: number }): DemoPlan & { memberIds: string[] } {
  const memberIds = Array.from({ length: options.members }, () => randomUUID());
  const orders: DemoOrder[] = Array.from({ length: options.orders }, (_, i) => {
    const lines = Array.from({ length: (i % 3) + 1 }, (_, l) => ({
      id: randomUUID(),
      variantId: randomUUID(),
      sku: `SKU-${i}-${l}`,
      title: `Item ${i}.${l}`,
      quantity: l + 1,
      unitPriceMinor: BigInt(1000 + ((i * 7919) % 5000)),
    }));
    return {
      id: randomUUID(),
      number: `SO-${100001 + i}`,
      memberId: memberIds[i % memberIds.length]!,
      channel: CHANNELS[i % CHANNELS.length]!,
      status: STATUSES[i % STATUSES.length]!,
      createdAt: new Date(START + (i - (i % 3 === 2 ? 1 : 0)) * 60_000),
      totalMinor: lines.reduce((sum, l) => sum + l.unitPriceMinor * BigInt(l.quantity), 0n),
      lines,
    };
  });
  return {
    currencyCode: 'THB', products: [], warehouses: [], levels: [], members: [], orders, coupons: [], memberIds,
  };
}

/** The plan's orders in the API's default order: newest first, ties by id descending. */
export function newestFirst(orders: DemoOrder[]): DemoOrder[] {
  return [...orders].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}

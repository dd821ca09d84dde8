import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
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

/**
 * `n` paid orders numbered SO-<from>… (a minute apart from 2026-11-01, newest last), each with a
 * recipient (name "Somchai <n>", buyer<n>@example.com, Bangkok 10110) and two lines (SKU-1 × 1 at
 * 50.00, SKU-2 × 2 at 100.00): two statements, so thousands take a moment. No stock is reserved.
 */
export async function insertPaidOrders(db: Db, from: number, n: number): Promise<void> {
  await db.execute(sql`
    insert into orders."order" (number, channel, status, subtotal_minor, total_minor, currency_code,
      ship_name, ship_phone, ship_phone_digits, email, ship_line1, ship_city, ship_postal_code, ship_country, created_at)
    select 'SO-' || g, 'ONLINE_STORE', 'PAID', 25000, 25000, 'THB',
      'Somchai ' || g, '+66 81 ' || g, '6681' || g, 'buyer' || g || '@example.com', g || ' Sukhumvit', 'Bangkok', '10110', 'TH',
      timestamptz '2026-11-01 00:00Z' + (g - ${from}) * interval '1 minute'
    from generate_series(${from}::int, ${from + n - 1}::int) g`);
  await db.execute(sql`
    insert into orders.order_line (order_id, variant_id, sku, title, quantity, unit_price_minor, currency_code, position)
    select o.id, gen_random_uuid(), 'SKU-' || p, 'Shirt ' || p, p, 5000 * p, 'THB', p
    from orders."order" o cross join generate_series(1, 2) p
    where o.number between ${`SO-${from}`} and ${`SO-${from + n - 1}`}`);
}

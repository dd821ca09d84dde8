import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import type { DemoPlan } from '@shop/kit/demo-plan';
import { seed as seedProducts } from '@shop/products/seed';
import { applyMovements } from '@shop/stock/commands';
import { seed as seedStock } from '@shop/stock/seed';

// Checkout's own entry point, for tests/bench/checkout.ts, which times it without the graph around it.
export { checkoutComplete } from '../src/checkout/index.js';

/**
 * A small catalog through the products and stock domains' own seeds: two
 * warehouses, `products` ACTIVE products of four variants each (prices 100.00
 * upwards) and one ARCHIVED product, nothing in stock yet.
 */
export async function seedCatalog(db: Db, products = 5): Promise<DemoPlan> {
  const warehouse = (code: string, priority: number) => ({ id: randomUUID(), code, name: `Warehouse ${code}`, priority });
  const product = (i: number, status: 'ACTIVE' | 'ARCHIVED') => ({
    id: randomUUID(),
    title: `Test shirt ${i}`,
    handle: `test-shirt-${i}-${randomUUID().slice(0, 8)}`,
    status,
    createdAt: new Date(),
    variants: ['S / Black', 'M / Black', 'S / White', 'M / White'].map((title, position) => ({
      id: randomUUID(),
      sku: `TS-${i}-${position}-${randomUUID().slice(0, 6)}`,
      title,
      priceMinor: BigInt(10_000 + i * 1000 + position * 100),
      costMinor: 5_000n,
      position,
    })),
  });
  const plan: DemoPlan = {
    currencyCode: 'THB',
    warehouses: [warehouse('BKK', 1), warehouse('CNX', 2)],
    products: [...Array.from({ length: products }, (_, i) => product(i, 'ACTIVE' as const)), product(products, 'ARCHIVED')],
    levels: [],
    members: [],
    orders: [],
    coupons: [],
  };
  await db.transaction(async (tx) => {
    await seedProducts(tx, plan);
    await seedStock(tx, plan);
  });
  return plan;
}

/** ACTIVE demo variants (buyable), `count` of them from `offset`, in a stable order. */
export async function sellableVariants(db: Db, count: number, offset = 0) {
  return db.execute<{ id: string; sku: string; price_minor: string }>(sql`
    select v.id, v.sku, v.price_minor::text from products.variant v join products.product p on p.id = v.product_id
    where p.status = 'ACTIVE' and v.price_minor between 1000 and 200000
    order by v.id offset ${offset} limit ${count}`);
}

/**
 * Sets what is available of a variant to exactly `units`, in the first active
 * warehouse by picking order; other warehouses are drained. Written through
 * the ledger, so movements and levels stay consistent.
 */
export async function setAvailable(db: Db, variantId: string, units: number): Promise<void> {
  const warehouses = await db.execute<{ id: string; available: number }>(sql`
    select w.id, coalesce(l.on_hand - l.reserved, 0)::int as available
    from stock.warehouse w left join stock.level l on l.warehouse_id = w.id and l.variant_id = ${variantId}
    where w.active order by w.priority, w.code`);
  const result = await db.transaction((tx) =>
    applyMovements(
      tx,
      warehouses.map((w, i) => ({
        variantId,
        warehouseId: w.id,
        kind: 'ADJUSTMENT' as const,
        onHandDelta: (i === 0 ? units : 0) - w.available,
        reservedDelta: 0,
        reference: 'test stock',
        actorId: null,
      })),
    ),
  );
  if (!result.ok) throw new Error(`setAvailable: ${JSON.stringify(result.errors)}`);
}

/** Units of a variant available over active warehouses. */
export async function availableOf(db: Db, variantId: string): Promise<number> {
  const [row] = await db.execute<{ available: number }>(sql`
    select coalesce(sum(l.on_hand - l.reserved), 0)::int as available
    from stock.level l join stock.warehouse w on w.id = l.warehouse_id where w.active and l.variant_id = ${variantId}`);
  return row!.available;
}

/** A complete address of its own: no flag rule about repeated or incomplete addresses fires. */
export function uniqueAddress() {
  const n = randomUUID().replace(/\D/g, '').padEnd(9, '7').slice(0, 9);
  return {
    name: `Test Buyer ${n}`,
    phone: `+66 8${n}`,
    line1: `${n} Test Rd`,
    city: 'Bangkok',
    region: 'Bangkok',
    postalCode: '10110',
    country: 'TH',
  };
}

/** Row counts of everything a placed order writes, to prove a refusal wrote nothing. */
export async function footprint(db: Db) {
  const [row] = await db.execute<Record<string, number>>(sql`
    select
      (select count(*) from orders.order)::int as orders,
      (select count(*) from orders.order_line)::int as lines,
      (select count(*) from orders.order_history)::int as history,
      (select count(*) from orders.payment)::int as payments,
      (select count(*) from orders.checkout_key)::int as keys,
      (select count(*) from stock.reservation)::int as reservations,
      (select count(*) from stock.movement)::int as movements,
      (select count(*) from graphile_worker.jobs)::int as jobs`);
  return row!;
}

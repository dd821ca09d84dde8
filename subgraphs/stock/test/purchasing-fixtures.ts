import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';

/** A warehouse row, inserted directly: warehouses are not what these tests are about. */
export async function makeWarehouse(db: Db, code = `WH-${randomUUID().slice(0, 6)}`): Promise<string> {
  const [row] = await db.execute<{ id: string }>(
    sql`insert into stock.warehouse (code, name) values (${code}, ${code}) returning id`,
  );
  return row!.id;
}

/** Products-domain variants with these SKUs (stocktake resolves SKUs through products). */
export async function makeVariants(db: Db, skus: string[]): Promise<Map<string, string>> {
  const [product] = await db.execute<{ id: string }>(
    sql`insert into products.product (title, handle) values ('Test', ${randomUUID()}) returning id`,
  );
  const ids = new Map<string, string>();
  for (const sku of skus) {
    const [row] = await db.execute<{ id: string }>(sql`
      insert into products.variant (product_id, sku, title, price_minor, currency_code)
      values (${product!.id}, ${sku}, ${sku}, 1000, 'THB') returning id`);
    ids.set(sku, row!.id);
  }
  return ids;
}

export interface Level {
  onHand: number;
  reserved: number;
}

export async function levelOf(db: Db, variantId: string, warehouseId: string): Promise<Level> {
  const [row] = await db.execute<{ on_hand: number; reserved: number }>(sql`
    select on_hand, reserved from stock.level where variant_id = ${variantId} and warehouse_id = ${warehouseId}`);
  return { onHand: row?.on_hand ?? 0, reserved: row?.reserved ?? 0 };
}

/** Row counts of everything purchasing and stocktake write, to prove a refusal wrote nothing. */
export async function snapshot(db: Db) {
  const [row] = await db.execute(sql`
    select (select count(*) from stock.supplier)::int as suppliers,
           (select count(*) from stock.supplier_product)::int as supplier_products,
           (select coalesce(sum(cost_minor), 0)::text from stock.supplier_product) as costs,
           (select count(*) from stock.purchase_order)::int as orders,
           (select string_agg(status::text, ',' order by id) from stock.purchase_order) as statuses,
           (select count(*) from stock.purchase_order_line)::int as lines,
           (select coalesce(sum(quantity_received), 0)::int from stock.purchase_order_line) as received,
           (select count(*) from stock.movement)::int as movements,
           (select coalesce(sum(on_hand), 0)::int from stock.level) as on_hand,
           (select string_agg(name || lead_time_days, ',' order by id) from stock.supplier) as supplier_fields`);
  return row!;
}

import { sql } from 'drizzle-orm';
import { chunks, type Db } from '@shop/kit';
import type { DemoOrder, DemoPlan } from '@shop/kit/demo-plan';
import { order, orderLine } from './tables.js';

/**
 * Rows per INSERT. Each statement binds one array per column (unnest), not one
 * parameter per value, so chunks can be far larger than SEED_CHUNK.
 */
const ORDER_CHUNK = 10_000;

const param = (values: unknown[]) => sql.param(values);
// Timestamps go in as text[]: postgres.js has no serializer for a timestamptz[] parameter.

/** Writes the demo orders and their lines; `tx` is the seed transaction. */
export async function seed(tx: Db, plan: DemoPlan): Promise<void> {
  for (const batch of chunks(plan.orders, ORDER_CHUNK)) {
    await insertOrders(tx, batch, plan.currencyCode);
    await insertLines(tx, batch, plan.currencyCode);
  }
}

async function insertOrders(tx: Db, batch: DemoOrder[], currencyCode: string): Promise<void> {
  await tx.execute(sql`
    insert into ${order} (id, number, member_id, channel, status, total_minor, currency_code, created_at, updated_at)
    select id, number, member_id, channel, status, total_minor, ${currencyCode}, created_at, created_at
    from unnest(
      ${param(batch.map((o) => o.id))}::uuid[],
      ${param(batch.map((o) => o.number))}::text[],
      ${param(batch.map((o) => o.memberId))}::uuid[],
      ${param(batch.map((o) => o.channel))}::orders.order_channel[],
      ${param(batch.map((o) => o.status))}::orders.order_status[],
      ${param(batch.map((o) => o.totalMinor.toString()))}::bigint[],
      ${param(batch.map((o) => o.createdAt.toISOString()))}::text[]::timestamptz[]
    ) as t(id, number, member_id, channel, status, total_minor, created_at)`);
}

async function insertLines(tx: Db, batch: DemoOrder[], currencyCode: string): Promise<void> {
  const lines = batch.flatMap((o) =>
    o.lines.map((line, position) => ({ ...line, orderId: o.id, position, createdAt: o.createdAt.toISOString() })),
  );
  if (lines.length === 0) return;
  await tx.execute(sql`
    insert into ${orderLine}
      (id, order_id, variant_id, sku, title, quantity, unit_price_minor, currency_code, position, created_at, updated_at)
    select id, order_id, variant_id, sku, title, quantity, unit_price_minor, ${currencyCode}, position, created_at, created_at
    from unnest(
      ${param(lines.map((l) => l.id))}::uuid[],
      ${param(lines.map((l) => l.orderId))}::uuid[],
      ${param(lines.map((l) => l.variantId))}::uuid[],
      ${param(lines.map((l) => l.sku))}::text[],
      ${param(lines.map((l) => l.title))}::text[],
      ${param(lines.map((l) => l.quantity))}::int[],
      ${param(lines.map((l) => l.unitPriceMinor.toString()))}::bigint[],
      ${param(lines.map((l) => l.position))}::int[],
      ${param(lines.map((l) => l.createdAt))}::text[]::timestamptz[]
    ) as t(id, order_id, variant_id, sku, title, quantity, unit_price_minor, position, created_at)`);
}

// Low-stock alerts: raised when a level crosses its reorder point, and their notification task.
import { sql } from 'drizzle-orm';
import { log, type Db } from '@shop/kit';
import { enqueue } from '@shop/kit/jobs';

/** One level, named by its variant and warehouse. */
export interface LevelKey {
  variantId: string;
  warehouseId: string;
}

export const LOW_STOCK_NOTIFY = 'stock.lowStockNotify';

/**
 * Raises one OPEN alert for each given level whose available is at or below its
 * reorder point, and resolves the OPEN alert of each whose available is above it.
 * The partial unique index keeps it to one OPEN alert per level, so a burst of
 * sales raises (and notifies) once. Callers pass only the levels whose available
 * crossed the reorder point, so an ordinary sale costs no statement here.
 */
export async function evaluateAlerts(tx: Db, keys: readonly LevelKey[]): Promise<void> {
  if (!keys.length) return;
  const variantIds = sql.param(keys.map((k) => k.variantId));
  const warehouseIds = sql.param(keys.map((k) => k.warehouseId));
  const raised = await tx.execute<{ id: string; variant_id: string; warehouse_id: string; available: number; reorder_point: number }>(sql`
    insert into stock.alert (variant_id, warehouse_id, available, reorder_point)
    select l.variant_id, l.warehouse_id, l.on_hand - l.reserved, l.reorder_point
    from stock.level l
    join unnest(${variantIds}::uuid[], ${warehouseIds}::uuid[]) k(variant_id, warehouse_id)
      on k.variant_id = l.variant_id and k.warehouse_id = l.warehouse_id
    where l.on_hand - l.reserved <= l.reorder_point
    on conflict (variant_id, warehouse_id) where status = 'OPEN' do nothing
    returning id, variant_id, warehouse_id, available, reorder_point`);
  for (const row of raised) {
    await enqueue(tx, LOW_STOCK_NOTIFY, {
      alertId: row.id,
      variantId: row.variant_id,
      warehouseId: row.warehouse_id,
      available: row.available,
      reorderPoint: row.reorder_point,
    });
  }
  await tx.execute(sql`
    update stock.alert a set status = 'RESOLVED', resolved_at = now()
    from stock.level l
    join unnest(${variantIds}::uuid[], ${warehouseIds}::uuid[]) k(variant_id, warehouse_id)
      on k.variant_id = l.variant_id and k.warehouse_id = l.warehouse_id
    where a.status = 'OPEN' and a.variant_id = l.variant_id and a.warehouse_id = l.warehouse_id
      and l.on_hand - l.reserved > l.reorder_point`);
}

/** Whether a change of `delta` to available, ending at `available`, crossed the reorder point either way. */
export function crossedReorderPoint(available: number, delta: number, reorderPoint: number): boolean {
  return available - delta > reorderPoint !== available > reorderPoint;
}

/** The notification for now: one JSON log line a log shipper can route. */
export async function lowStockNotify(payload: unknown): Promise<void> {
  log.warn({ event: 'stock.low', ...(payload as Record<string, unknown>) }, 'stock at or below reorder point');
}

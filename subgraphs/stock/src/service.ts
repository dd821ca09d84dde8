import { asc, eq } from 'drizzle-orm';
import { anyId, type Db } from '@shop/kit';
import { level, warehouse, type WarehouseRow } from './tables.js';

/** One warehouse's balance of one variant. */
export interface StockLevelView {
  variantId: string;
  warehouse: WarehouseRow;
  onHand: number;
  reserved: number;
  available: number;
}

/** A variant's balance over every warehouse. */
export interface StockSummaryView {
  onHand: number;
  reserved: number;
  available: number;
  levels: StockLevelView[];
}

/** Every warehouse in picking order (priority, then code). `tx` may be the pool. */
export function listWarehouses(tx: Db) {
  return tx.select().from(warehouse).orderBy(asc(warehouse.priority), asc(warehouse.code));
}

export function warehousesByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(warehouse).where(anyId(warehouse.id, ids));
}

/**
 * The levels of many variants with their warehouses, in one query; rows come
 * grouped by variant and in picking order within each variant.
 */
export async function levelsByVariantIds(tx: Db, variantIds: readonly string[]): Promise<StockLevelView[]> {
  const rows = await tx
    .select({ level, warehouse })
    .from(level)
    .innerJoin(warehouse, eq(level.warehouseId, warehouse.id))
    .where(anyId(level.variantId, variantIds))
    .orderBy(level.variantId, warehouse.priority, warehouse.code);
  return rows.map((row) => ({
    variantId: row.level.variantId,
    warehouse: row.warehouse,
    onHand: row.level.onHand,
    reserved: row.level.reserved,
    available: row.level.onHand - row.level.reserved,
  }));
}

/**
 * Totals over active warehouses only: stock in an inactive warehouse cannot be
 * sold, though its level is still listed.
 */
export function summarize(levels: StockLevelView[]): StockSummaryView {
  let onHand = 0;
  let reserved = 0;
  for (const l of levels) {
    if (!l.warehouse.active) continue;
    onHand += l.onHand;
    reserved += l.reserved;
  }
  return { onHand, reserved, available: onHand - reserved, levels };
}

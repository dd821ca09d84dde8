import { sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { variant } from './tables.js';

/**
 * Variant ids by SKU, for other domains (stock's stocktake sheets name SKUs).
 * One query with one array parameter however many SKUs; unknown SKUs are absent.
 */
export async function variantIdsBySku(tx: Db, skus: readonly string[]): Promise<Map<string, string>> {
  if (!skus.length) return new Map();
  const rows = await tx
    .select({ id: variant.id, sku: variant.sku })
    .from(variant)
    .where(sql`${variant.sku} = any(${sql.param([...skus])}::text[])`);
  return new Map(rows.map((row) => [row.sku, row.id]));
}

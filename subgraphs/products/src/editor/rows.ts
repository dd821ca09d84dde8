// The product rows an edit locks before it writes them.
import { eq } from 'drizzle-orm';
import { anyId, isId, type Db } from '@shop/kit';
import { LIMITS, type Problems } from '../input/index.js';
import { product, type ProductRow } from '../tables.js';

/** One product, locked for the rest of the transaction; null for an unknown or malformed id. */
export async function productForUpdate(tx: Db, id: string): Promise<ProductRow | null> {
  if (!isId(id)) return null;
  const [row] = await tx.select().from(product).where(eq(product.id, id)).for('update');
  return row ?? null;
}

/** Rows for many product ids, locked in id order, or UNKNOWN_PRODUCT at each unknown id's input path. */
export async function productsForBulk(tx: Db, p: Problems, ids: readonly string[], field: string): Promise<ProductRow[]> {
  if (ids.length > LIMITS.maxBulkItems) p.add('TOO_MANY_ITEMS', `At most ${LIMITS.maxBulkItems} products at once.`, [field]);
  const rows = ids.length
    ? await tx.select().from(product).where(anyId(product.id, ids)).orderBy(product.id).for('update')
    : [];
  const found = new Set(rows.map((r) => r.id));
  ids.forEach((id, i) => {
    if (!found.has(id)) p.add('UNKNOWN_PRODUCT', `No product ${id}.`, [field, i]);
  });
  return rows;
}

// Tags on many products at once.
import { sql } from 'drizzle-orm';
import { anyId, changeOf, failWith, ok, type ChangeRecord, type Db } from '@shop/kit';
import { cleanTags, Problems, type CatalogResult } from '../input/index.js';
import { product, type ProductRow } from '../tables.js';
import { productsForBulk } from './rows.js';

/** Adds (or removes) tags on many products; tags are kept sorted and unique. */
export async function changeTags(
  tx: Db,
  input: { productIds: readonly string[]; tags: readonly string[] },
  mode: 'add' | 'remove',
  changes: ChangeRecord[],
): Promise<CatalogResult<ProductRow[]>> {
  const p = new Problems();
  const rows = await productsForBulk(tx, p, input.productIds, 'productIds');
  const tags = cleanTags(p, input.tags, ['tags']);
  if (p.any) return failWith(p.errors);
  const next = sql`array(select distinct t from unnest(${
    mode === 'add' ? sql`${product.tags} || ${sql.param(tags)}::text[]` : product.tags
  }) t where ${mode === 'add' ? sql`true` : sql`t <> all(${sql.param(tags)}::text[])`} order by t)`;
  const saved = await tx.update(product).set({ tags: next, updatedAt: new Date() }).where(anyId(product.id, input.productIds)).returning();
  const before = new Map(rows.map((r) => [r.id, r.tags]));
  for (const row of saved) {
    const change = changeOf('Product', row.id, { tags: before.get(row.id) }, { tags: row.tags });
    if (change) changes.push(change);
  }
  return ok(saved);
}

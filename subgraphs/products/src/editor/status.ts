// A product's status: archiving and restoring one product, archiving many.
import { and, eq, ne } from 'drizzle-orm';
import { anyId, changeOf, failWith, ok, type ChangeRecord, type Db } from '@shop/kit';
import { Problems, type CatalogResult } from '../input/index.js';
import { product, type ProductRow } from '../tables.js';
import { productForUpdate, productsForBulk } from './rows.js';

/** Sets one product's status when it is in `from`; INVALID_STATUS otherwise. */
export async function changeStatus(
  tx: Db,
  id: string,
  from: readonly ProductRow['status'][],
  to: ProductRow['status'],
  changes: ChangeRecord[],
): Promise<CatalogResult<ProductRow>> {
  const p = new Problems();
  const row = await productForUpdate(tx, id);
  if (!row) {
    p.add('UNKNOWN_PRODUCT', `No product ${id}.`, ['id']);
    return failWith(p.errors);
  }
  if (!from.includes(row.status)) {
    p.add('INVALID_STATUS', `The product is ${row.status}.`, ['id']);
    return failWith(p.errors);
  }
  const [saved] = await tx.update(product).set({ status: to, updatedAt: new Date() }).where(eq(product.id, id)).returning();
  changes.push(changeOf('Product', id, { status: row.status }, { status: to })!);
  return ok(saved!);
}

/** Archives every product named (those already archived stay so); all or none. */
export async function archiveProducts(tx: Db, ids: readonly string[], changes: ChangeRecord[]): Promise<CatalogResult<ProductRow[]>> {
  const p = new Problems();
  const rows = await productsForBulk(tx, p, ids, 'ids');
  if (p.any) return failWith(p.errors);
  for (const row of rows.filter((r) => r.status !== 'ARCHIVED')) {
    changes.push(changeOf('Product', row.id, { status: row.status }, { status: 'ARCHIVED' })!);
  }
  const saved = await tx
    .update(product)
    .set({ status: 'ARCHIVED', updatedAt: new Date() })
    .where(and(anyId(product.id, ids), ne(product.status, 'ARCHIVED')))
    .returning();
  const byId = new Map([...rows, ...saved].map((r) => [r.id, r]));
  return ok([...new Set(ids)].map((id) => byId.get(id)!));
}

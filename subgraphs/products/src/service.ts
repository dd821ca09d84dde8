import { and, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { anyId, keysetPage, pageRequest, toConnection, type ConnectionArgs, type Db } from '@shop/kit';
import { product, variant, type ProductRow } from './tables.js';

export interface ProductFilter {
  query?: string | null;
  status?: ProductRow['status'][] | null;
}

export type ProductSortKey = 'CREATED_AT' | 'TITLE';

function filterSql(filter: ProductFilter | null | undefined): SQL | undefined {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  if (filter.status?.length) conditions.push(inArray(product.status, filter.status));
  const text = filter.query?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(product.title, pattern),
        ilike(product.handle, pattern),
        sql`exists (select 1 from ${variant} where ${variant.productId} = ${product.id} and ${variant.sku} ilike ${pattern})`,
      ),
    );
  }
  return and(...conditions);
}

/**
 * One keyset page of products. `tx` may be the pool; the count runs only
 * when the client asks for totalCount.
 */
export async function listProducts(
  tx: Db,
  args: ConnectionArgs & { filter?: ProductFilter | null; sortKey?: ProductSortKey | null; reverse?: boolean | null },
  /** Storefront callers see only what is on sale: drafts and archived products stay in the back office. */
  visibility: { activeOnly: boolean } = { activeOnly: false },
) {
  const page = pageRequest(args);
  const sortKey = args.sortKey ?? 'CREATED_AT';
  const sortColumn = sortKey === 'TITLE' ? product.title : product.createdAt;
  // Newest first by default; titles A to Z.
  const descending = (sortKey === 'CREATED_AT') !== Boolean(args.reverse);
  const filter = and(filterSql(args.filter), visibility.activeOnly ? eq(product.status, 'ACTIVE') : undefined);
  const { where, orderBy } = keysetPage(page, sortColumn, product.id, descending, filter);
  const rows = await tx.select().from(product).where(where).orderBy(...orderBy).limit(page.limit);
  return toConnection(
    rows,
    page,
    (row) => ({ value: sortKey === 'TITLE' ? row.title : row.createdAt.toISOString(), id: row.id }),
    async () => (await tx.select({ n: count() }).from(product).where(filter))[0]!.n,
  );
}

export function productsByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(product).where(anyId(product.id, ids));
}

export function variantsByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(variant).where(anyId(variant.id, ids));
}

export function variantsByProductIds(tx: Db, productIds: readonly string[]) {
  return tx
    .select()
    .from(variant)
    .where(anyId(variant.productId, productIds))
    .orderBy(variant.productId, variant.position, variant.id);
}


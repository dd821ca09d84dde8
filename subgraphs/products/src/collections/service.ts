// Product collections: list, lookups (also by product) and writes, including which products they hold.
import { count, eq, ilike, or, sql } from 'drizzle-orm';
import {
  anyId,
  changeOf,
  connectionOf,
  isId,
  ok,
  type ChangeRecord,
  type ConnectionArgs,
  type Db,
} from '@shop/kit';
import { generateHandle, handleTaken } from '../handles/index.js';
import {
  cleanDescription,
  cleanHandle,
  cleanTitle,
  containsPattern,
  LIMITS,
  Problems,
  type CatalogResult,
} from '../input/index.js';
import { product } from '../tables.js';
import { collection, collectionProduct, type CollectionRow } from './tables.js';

export function collectionsByIds(tx: Db, ids: readonly string[]) {
  return tx.select().from(collection).where(anyId(collection.id, ids));
}

/** Collections newest first, optionally narrowed by title or handle text. */
export async function listCollections(tx: Db, args: ConnectionArgs & { query?: string | null }) {
  const text = args.query?.trim();
  const filter = text ? or(ilike(collection.title, containsPattern(text)), ilike(collection.handle, containsPattern(text))) : undefined;
  return connectionOf(args, {
    sort: collection.createdAt,
    id: collection.id,
    descending: true,
    filter,
    rows: (page) => tx.select().from(collection).where(page.where).orderBy(...page.orderBy).limit(page.limit),
    keyset: (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    count: async () => (await tx.select({ n: count() }).from(collection).where(filter))[0]!.n,
  });
}

async function collectionRow(tx: Db, p: Problems, id: string): Promise<CollectionRow | null> {
  const [row] = isId(id) ? await tx.select().from(collection).where(eq(collection.id, id)).for('update') : [];
  if (!row) p.add('UNKNOWN_COLLECTION', `No collection ${id}.`, ['id']);
  return row ?? null;
}

export async function createCollection(
  tx: Db,
  input: { title: string; handle?: string | null; descriptionHtml?: string | null },
): Promise<CatalogResult<CollectionRow>> {
  const p = new Problems();
  const title = cleanTitle(p, input.title, ['title']);
  const descriptionHtml = input.descriptionHtml ? cleanDescription(p, input.descriptionHtml, ['descriptionHtml']) : '';
  let handle = '';
  if (input.handle != null) {
    handle = cleanHandle(p, input.handle, ['handle']);
    if (!p.any && (await handleTaken(tx, 'collection', handle))) p.add('HANDLE_TAKEN', 'Another collection has this handle.', ['handle']);
  } else if (title) {
    handle = await generateHandle(tx, 'collection', title, 'collection');
  }
  if (p.any) return { ok: false, errors: p.errors };
  const [row] = await tx.insert(collection).values({ title, handle, descriptionHtml }).returning();
  return ok(row!);
}

export async function updateCollection(
  tx: Db,
  input: { id: string; title?: string | null; handle?: string | null; descriptionHtml?: string | null },
  changes: ChangeRecord[],
): Promise<CatalogResult<CollectionRow>> {
  const p = new Problems();
  const row = await collectionRow(tx, p, input.id);
  if (!row) return { ok: false, errors: p.errors };
  const title = input.title != null ? cleanTitle(p, input.title, ['title']) : row.title;
  const handle = input.handle != null ? cleanHandle(p, input.handle, ['handle']) : row.handle;
  const descriptionHtml =
    input.descriptionHtml != null ? cleanDescription(p, input.descriptionHtml, ['descriptionHtml']) : row.descriptionHtml;
  if (!p.any && handle !== row.handle && (await handleTaken(tx, 'collection', handle, row.id))) {
    p.add('HANDLE_TAKEN', 'Another collection has this handle.', ['handle']);
  }
  if (p.any) return { ok: false, errors: p.errors };
  const after = { title, handle, descriptionHtml };
  const [saved] = await tx.update(collection).set({ ...after, updatedAt: new Date() }).where(eq(collection.id, row.id)).returning();
  const change = changeOf('Collection', row.id, { title: row.title, handle: row.handle, descriptionHtml: row.descriptionHtml }, after);
  if (change) changes.push(change);
  return ok(saved!);
}

export async function deleteCollection(tx: Db, id: string, changes: ChangeRecord[]): Promise<CatalogResult<string>> {
  const p = new Problems();
  const row = await collectionRow(tx, p, id);
  if (!row) return { ok: false, errors: p.errors };
  await tx.delete(collectionProduct).where(eq(collectionProduct.collectionId, row.id));
  await tx.delete(collection).where(eq(collection.id, row.id));
  changes.push({ entity: 'Collection', id: row.id, before: { title: row.title, handle: row.handle }, after: {} });
  return ok(row.id);
}

/** Adds or removes products; adding one already in the collection (or removing one not in it) is a no-op. */
export async function changeCollectionProducts(
  tx: Db,
  input: { id: string; productIds: readonly string[] },
  mode: 'add' | 'remove',
  changes: ChangeRecord[],
): Promise<CatalogResult<CollectionRow>> {
  const p = new Problems();
  const row = await collectionRow(tx, p, input.id);
  if (input.productIds.length > LIMITS.maxBulkItems) {
    p.add('TOO_MANY_ITEMS', `At most ${LIMITS.maxBulkItems} products at once.`, ['productIds']);
  }
  const found = new Set(
    (await tx.select({ id: product.id }).from(product).where(anyId(product.id, input.productIds))).map((r) => r.id),
  );
  input.productIds.forEach((id, i) => {
    if (!found.has(id)) p.add('UNKNOWN_PRODUCT', `No product ${id}.`, ['productIds', i]);
  });
  if (!row || p.any) return { ok: false, errors: p.errors };
  const ids = [...found];
  if (mode === 'add') {
    await tx.insert(collectionProduct).values(ids.map((productId) => ({ collectionId: row.id, productId }))).onConflictDoNothing();
  } else {
    await tx.delete(collectionProduct).where(sql`${collectionProduct.collectionId} = ${row.id} and ${anyId(collectionProduct.productId, ids)}`);
  }
  await tx.update(collection).set({ updatedAt: new Date() }).where(eq(collection.id, row.id));
  changes.push({ entity: 'Collection', id: row.id, before: {}, after: { [mode === 'add' ? 'addedProductIds' : 'removedProductIds']: ids } });
  const [saved] = await tx.select().from(collection).where(eq(collection.id, row.id));
  return ok(saved!);
}

/** The collections each product belongs to, by title. */
export function collectionsByProductIds(tx: Db, productIds: readonly string[]) {
  return tx
    .select({ productId: collectionProduct.productId, collection })
    .from(collectionProduct)
    .innerJoin(collection, eq(collection.id, collectionProduct.collectionId))
    .where(anyId(collectionProduct.productId, productIds))
    .orderBy(collectionProduct.productId, collection.title);
}

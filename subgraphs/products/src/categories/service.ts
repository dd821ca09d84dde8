// Product categories: the tree, each product's categories, and the writes (create, update, move, delete).
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { anyId, changeOf, isId, ok, type ChangeRecord, type Db } from '@shop/kit';
import { generateHandle, handleTaken } from '../handles/index.js';
import { cleanHandle, LIMITS, Problems, type CatalogResult } from '../input/index.js';
import { category, productCategory, type CategoryRow } from './tables.js';

/**
 * The category tree. Each row keeps its path from the root (ids, itself
 * last), so depth, ancestors and "this category and below" need no recursion.
 * Deleting refuses a category that has children (the operator moves or
 * deletes them first, so no subtree is lost or re-parented by surprise);
 * products filed under a deleted category simply leave it.
 */

/** Every category, depth first: parents before children, siblings by position. */
export async function allCategories(tx: Db): Promise<CategoryRow[]> {
  const rows = await tx.select().from(category).orderBy(asc(category.position), asc(category.name));
  const children = new Map<string | null, CategoryRow[]>();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const ordered: CategoryRow[] = [];
  const walk = (parentId: string | null) => {
    for (const row of children.get(parentId) ?? []) {
      ordered.push(row);
      walk(row.id);
    }
  };
  walk(null);
  return ordered;
}

async function categoryRow(tx: Db, id: string | null | undefined): Promise<CategoryRow | null> {
  if (!id || !isId(id)) return null;
  const [row] = await tx.select().from(category).where(eq(category.id, id)).for('update');
  return row ?? null;
}

function cleanName(p: Problems, value: string): string {
  const name = value.trim();
  if (!name || name.length > 120) p.add('INVALID_TITLE', 'A name of 1 to 120 characters.', ['name']);
  return name;
}

async function nextPosition(tx: Db, parentId: string | null): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${category.position}) + 1, 0)::int` })
    .from(category)
    .where(parentId ? eq(category.parentId, parentId) : isNull(category.parentId));
  return row!.n;
}

export async function createCategory(
  tx: Db,
  input: { name: string; handle?: string | null; parentId?: string | null },
): Promise<CatalogResult<CategoryRow>> {
  const p = new Problems();
  const name = cleanName(p, input.name);
  const parent = await categoryRow(tx, input.parentId);
  if (input.parentId && !parent) p.add('UNKNOWN_CATEGORY', `No category ${input.parentId}.`, ['parentId']);
  if (parent && parent.path.length >= LIMITS.maxCategoryDepth) {
    p.add('CATEGORY_TOO_DEEP', `Categories nest at most ${LIMITS.maxCategoryDepth} levels.`, ['parentId']);
  }
  let handle = '';
  if (input.handle != null) {
    handle = cleanHandle(p, input.handle, ['handle']);
    if (!p.any && (await handleTaken(tx, 'category', handle))) p.add('HANDLE_TAKEN', 'Another category has this handle.', ['handle']);
  } else if (name) {
    handle = await generateHandle(tx, 'category', name, 'category');
  }
  if (p.any) return { ok: false, errors: p.errors };
  const id = randomUUID();
  const [row] = await tx
    .insert(category)
    .values({ id, name, handle, parentId: parent?.id ?? null, path: [...(parent?.path ?? []), id], position: await nextPosition(tx, parent?.id ?? null) })
    .returning();
  return ok(row!);
}

export async function updateCategory(
  tx: Db,
  input: { id: string; name?: string | null; handle?: string | null },
  changes: ChangeRecord[],
): Promise<CatalogResult<CategoryRow>> {
  const p = new Problems();
  const row = await categoryRow(tx, input.id);
  if (!row) {
    p.add('UNKNOWN_CATEGORY', `No category ${input.id}.`, ['id']);
    return { ok: false, errors: p.errors };
  }
  const name = input.name != null ? cleanName(p, input.name) : row.name;
  const handle = input.handle != null ? cleanHandle(p, input.handle, ['handle']) : row.handle;
  if (!p.any && handle !== row.handle && (await handleTaken(tx, 'category', handle, row.id))) {
    p.add('HANDLE_TAKEN', 'Another category has this handle.', ['handle']);
  }
  if (p.any) return { ok: false, errors: p.errors };
  const [saved] = await tx.update(category).set({ name, handle, updatedAt: new Date() }).where(eq(category.id, row.id)).returning();
  const change = changeOf('Category', row.id, { name: row.name, handle: row.handle }, { name, handle });
  if (change) changes.push(change);
  return ok(saved!);
}

/**
 * Moves a category and its subtree under `parentId` (null: the root) at
 * `position` among its new siblings. Refuses a move under itself or a
 * descendant, and one that would make the tree deeper than the limit.
 */
export async function moveCategory(
  tx: Db,
  input: { id: string; parentId?: string | null; position?: number | null },
  changes: ChangeRecord[],
): Promise<CatalogResult<CategoryRow>> {
  const p = new Problems();
  const row = await categoryRow(tx, input.id);
  if (!row) {
    p.add('UNKNOWN_CATEGORY', `No category ${input.id}.`, ['id']);
    return { ok: false, errors: p.errors };
  }
  const parent = await categoryRow(tx, input.parentId);
  if (input.parentId && !parent) p.add('UNKNOWN_CATEGORY', `No category ${input.parentId}.`, ['parentId']);
  if (parent && parent.path.includes(row.id)) {
    p.add('CATEGORY_CYCLE', 'A category cannot move under itself or its descendants.', ['parentId']);
  }
  const [height] = await tx
    .select({ levels: sql<number>`max(cardinality(${category.path}))::int` })
    .from(category)
    .where(sql`${category.path} @> array[${row.id}]::uuid[]`);
  const subtreeLevels = height!.levels - row.path.length + 1;
  if (!p.any && (parent?.path.length ?? 0) + subtreeLevels > LIMITS.maxCategoryDepth) {
    p.add('CATEGORY_TOO_DEEP', `Categories nest at most ${LIMITS.maxCategoryDepth} levels.`, ['parentId']);
  }
  if (p.any) return { ok: false, errors: p.errors };

  const parentId = parent?.id ?? null;
  const newPrefix = parent?.path ?? [];
  // Re-root the subtree: the new parent's path, then each row's path from this category down.
  await tx.execute(sql`update products.category set
      path = ${sql.param(newPrefix)}::uuid[] || path[${row.path.length}:],
      updated_at = now()
    where path @> array[${row.id}]::uuid[]`);
  const siblings = await tx
    .select({ id: category.id })
    .from(category)
    .where(and(parentId ? eq(category.parentId, parentId) : isNull(category.parentId), ne(category.id, row.id)))
    .orderBy(asc(category.position), asc(category.name));
  const order = siblings.map((s) => s.id);
  order.splice(Math.max(0, Math.min(input.position ?? order.length, order.length)), 0, row.id);
  await tx.execute(sql`update products.category c set position = o.position - 1,
      parent_id = case when c.id = ${row.id}::uuid then ${parentId}::uuid else c.parent_id end
    from unnest(${sql.param(order)}::uuid[]) with ordinality as o(id, position) where c.id = o.id`);
  const [saved] = await tx.select().from(category).where(eq(category.id, row.id));
  const change = changeOf('Category', row.id, { parentId: row.parentId, position: row.position }, { parentId, position: saved!.position });
  if (change) changes.push(change);
  return ok(saved!);
}

export async function deleteCategory(tx: Db, id: string, changes: ChangeRecord[]): Promise<CatalogResult<string>> {
  const p = new Problems();
  const row = await categoryRow(tx, id);
  if (!row) {
    p.add('UNKNOWN_CATEGORY', `No category ${id}.`, ['id']);
    return { ok: false, errors: p.errors };
  }
  const [child] = await tx.select({ id: category.id }).from(category).where(eq(category.parentId, row.id)).limit(1);
  if (child) {
    p.add('CATEGORY_HAS_CHILDREN', 'Move or delete its subcategories first.', ['id']);
    return { ok: false, errors: p.errors };
  }
  await tx.delete(productCategory).where(eq(productCategory.categoryId, row.id));
  await tx.delete(category).where(eq(category.id, row.id));
  changes.push({ entity: 'Category', id: row.id, before: { name: row.name, handle: row.handle }, after: {} });
  return ok(row.id);
}

/** The categories each product is filed under, shallowest first. */
export function categoryLinksByProductIds(tx: Db, productIds: readonly string[]) {
  return tx
    .select({ productId: productCategory.productId, categoryId: productCategory.categoryId })
    .from(productCategory)
    .innerJoin(category, eq(category.id, productCategory.categoryId))
    .where(anyId(productCategory.productId, productIds))
    .orderBy(productCategory.productId, category.path);
}

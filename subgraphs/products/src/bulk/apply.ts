import { eq, sql } from 'drizzle-orm';
import type { Db } from '@shop/kit';
import { handleFrom, HANDLE_MAX_LENGTH } from '../handles/index.js';
import { brand, product, variant } from '../tables.js';
import type { ProductPlan } from './plan.js';

/** Rows per multi-row INSERT: well under postgres.js's 65,534 bind parameters. */
const INSERT_CHUNK = 1000;

function chunks<T>(items: readonly T[], size = INSERT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Brand ids by name, creating the names the catalog does not have yet. */
async function ensureBrands(tx: Db, names: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(names)];
  if (!unique.length) return new Map();
  await tx.execute(sql`insert into ${brand} (name) select unnest(${sql.param(unique)}::text[]) on conflict (name) do nothing`);
  const rows = await tx.select({ id: brand.id, name: brand.name }).from(brand).where(sql`${brand.name} = any(${sql.param(unique)}::text[])`);
  return new Map(rows.map((r) => [r.name, r.id]));
}

/**
 * Free handles for new products, as the editor makes them (handles/service.ts
 * generateHandle: the title's handle, "product" when nothing transliterates,
 * "-2", "-3"... when taken), in one query for the whole batch. `reserved` holds
 * handles the file names explicitly, so a later row's product keeps its own.
 */
async function allocateHandles(tx: Db, titles: readonly string[], reserved: ReadonlySet<string>): Promise<string[]> {
  if (!titles.length) return [];
  const stems = titles.map((t) => (handleFrom(t) || 'product').slice(0, HANDLE_MAX_LENGTH - 6).replace(/-$/, ''));
  const unique = [...new Set(stems)];
  const rows = await tx.execute<{ handle: string }>(sql`
    select handle from ${product}
    where handle = any(${sql.param(unique)}::text[]) or substring(handle from '^(.*)-[0-9]+$') = any(${sql.param(unique)}::text[])`);
  const taken = new Set([...reserved, ...rows.map((r) => r.handle)]);
  return stems.map((stem) => {
    let handle = stem;
    for (let n = 2; taken.has(handle); n++) handle = `${stem}-${n}`;
    taken.add(handle);
    return handle;
  });
}

/**
 * Writes planned products and variants in the caller's transaction: multi-row
 * inserts for what is new, one UPDATE per changed row (with a new updatedAt),
 * nothing for what is unchanged; then the lowest price of every touched product.
 */
export async function applyPlans(tx: Db, plans: readonly ProductPlan[], reservedHandles: ReadonlySet<string>): Promise<void> {
  const brandNames = plans.flatMap((p) => [p.create?.brand, p.patch.brand].filter((b): b is string => !!b));
  const brandIds = await ensureBrands(tx, brandNames);
  const brandId = (name: string | null) => (name ? brandIds.get(name)! : null);

  const creating = plans.filter((p) => p.create);
  const needHandles = creating.filter((p) => !p.create!.handle);
  const generated = await allocateHandles(tx, needHandles.map((p) => p.create!.title), reservedHandles);
  needHandles.forEach((p, i) => (p.create!.handle = generated[i]!));
  for (const part of chunks(creating)) {
    const ids = await tx
      .insert(product)
      .values(
        part.map(({ create }) => ({
          title: create!.title,
          handle: create!.handle!,
          status: create!.status,
          descriptionHtml: create!.descriptionHtml,
          brandId: brandId(create!.brand),
          tags: create!.tags,
          options: create!.options,
        })),
      )
      .returning({ id: product.id });
    part.forEach((p, i) => (p.productId = ids[i]!.id));
  }

  const now = new Date();
  for (const plan of plans) {
    if (plan.create || !Object.keys(plan.patch).length) continue;
    const { brand: brandName, ...columns } = plan.patch;
    await tx
      .update(product)
      .set({ ...columns, ...(brandName !== undefined ? { brandId: brandId(brandName) } : {}), updatedAt: now })
      .where(eq(product.id, plan.productId!));
  }

  const newVariants = plans.flatMap((p) => p.newVariants.map((v) => ({ ...v, productId: p.productId! })));
  for (const part of chunks(newVariants)) await tx.insert(variant).values(part);
  for (const { id, patch } of plans.flatMap((p) => p.variantPatches)) {
    await tx.update(variant).set({ ...patch, updatedAt: now }).where(eq(variant.id, id));
  }

  // The lowest price backs PRICE sorting and price filters (tables.ts minPriceMinor).
  const priced = plans.filter((p) => p.newVariants.length || p.variantPatches.some((v) => v.patch.priceMinor !== undefined));
  if (priced.length) {
    await tx.execute(sql`
      update ${product} p set min_price_minor = m.min_price
      from (select product_id, min(price_minor) as min_price from ${variant}
            where product_id = any(${sql.param(priced.map((p) => p.productId!))}::uuid[]) group by product_id) m
      where p.id = m.product_id and p.min_price_minor is distinct from m.min_price`);
  }
}

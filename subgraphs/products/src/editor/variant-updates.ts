// Changing many variants at once, across products: prices, SKUs, barcodes, weights.
import { and, eq, sql } from 'drizzle-orm';
import { anyId, changeOf, DEFAULT_CURRENCY, failWith, ok, type ChangeRecord, type Db } from '@shop/kit';
import { cleanBarcode, cleanPrice, cleanSku, cleanWeight, LIMITS, Problems, type CatalogResult } from '../input/index.js';
import { variant, type VariantRow } from '../tables.js';
import { keep, refreshDerived } from './variants.js';

export interface VariantBulkInput {
  id: string;
  sku?: string | null;
  barcode?: string | null;
  weightGrams?: number | null;
  price?: string | null;
  compareAtPrice?: string | null;
  costPrice?: string | null;
}

type VariantUpdate = ReturnType<typeof planUpdates>[number];

/** Changes many variants in one go (prices, SKUs, barcodes, weights); all or none. */
export async function updateVariants(
  tx: Db,
  entries: readonly VariantBulkInput[],
  changes: ChangeRecord[],
): Promise<CatalogResult<VariantRow[]>> {
  const p = new Problems();
  if (entries.length > LIMITS.maxBulkItems) p.add('TOO_MANY_ITEMS', `At most ${LIMITS.maxBulkItems} variants at once.`, ['variants']);
  const ids = entries.map((e) => e.id);
  const rows = ids.length ? await tx.select().from(variant).where(anyId(variant.id, ids)).orderBy(variant.id).for('update') : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const planned = planUpdates(p, entries, byId);
  await checkSkus(tx, p, planned, ids);
  if (p.any) return failWith(p.errors);

  const renamed = planned.filter((v) => byId.get(v.id)!.sku !== v.sku).map((v) => v.id);
  if (renamed.length) await tx.execute(sql`update products.variant set sku = id::text where id = any(${sql.param(renamed)}::uuid[])`);
  const saved: VariantRow[] = [];
  for (const v of planned) {
    const [row] = await tx
      .update(variant)
      .set({ sku: v.sku!, barcode: v.barcode, weightGrams: v.weightGrams, priceMinor: v.priceMinor,
        compareAtMinor: v.compareAtMinor, costMinor: v.costMinor, updatedAt: new Date() })
      .where(eq(variant.id, v.id))
      .returning();
    saved.push(row!);
    const change = changeOf('ProductVariant', v.id, audited(byId.get(v.id)!), audited(row!));
    if (change) changes.push(change);
  }
  await refreshDerived(tx, [...new Set(saved.map((v) => v.productId))]);
  return ok(saved);
}

/** Each entry checked against its (locked) row; fields left out keep the row's values. */
function planUpdates(p: Problems, entries: readonly VariantBulkInput[], byId: ReadonlyMap<string, VariantRow>) {
  const seenIds = new Set<string>();
  return entries.map((entry, i) => {
    const path = ['variants', i];
    const row = byId.get(entry.id);
    if (!row) p.add('UNKNOWN_VARIANT', `No variant ${entry.id}.`, [...path, 'id']);
    if (seenIds.has(entry.id)) p.add('DUPLICATE_VARIANT', 'This variant is listed twice.', [...path, 'id']);
    seenIds.add(entry.id);
    const currency = row?.currencyCode.trim() ?? DEFAULT_CURRENCY;
    return {
      id: entry.id,
      sku: entry.sku != null ? cleanSku(p, entry.sku, [...path, 'sku']) : row?.sku,
      barcode: keep(entry.barcode, (v: string) => cleanBarcode(p, v, [...path, 'barcode']), row?.barcode ?? null) as string | null,
      weightGrams: keep(entry.weightGrams, (v: number) => cleanWeight(p, v, [...path, 'weightGrams']), row?.weightGrams ?? null) as number | null,
      priceMinor: (entry.price != null ? cleanPrice(p, entry.price, currency, [...path, 'price']) : row?.priceMinor) ?? 0n,
      compareAtMinor: keep(entry.compareAtPrice, (v: string) => cleanPrice(p, v, currency, [...path, 'compareAtPrice']), row?.compareAtMinor ?? null) as bigint | null,
      costMinor: keep(entry.costPrice, (v: string) => cleanPrice(p, v, currency, [...path, 'costPrice']), row?.costMinor ?? null) as bigint | null,
    };
  });
}

/** SKUs must stay unique: within the input, and against variants the input does not touch. */
async function checkSkus(tx: Db, p: Problems, planned: readonly VariantUpdate[], ids: readonly string[]): Promise<void> {
  const firstAt = new Map<string, number>();
  planned.forEach((v, i) => {
    if (!v.sku) return;
    if (firstAt.has(v.sku)) p.add('DUPLICATE_SKU', `SKU ${v.sku} is listed twice.`, ['variants', i, 'sku']);
    else firstAt.set(v.sku, i);
  });
  if (!firstAt.size) return;
  const held = await tx
    .select({ sku: variant.sku })
    .from(variant)
    .where(and(sql`${variant.sku} = any(${sql.param([...firstAt.keys()])}::text[])`, sql`not (${anyId(variant.id, ids)})`));
  for (const { sku } of held) p.add('DUPLICATE_SKU', `SKU ${sku} belongs to another variant.`, ['variants', firstAt.get(sku)!, 'sku']);
}

/** What the audit log keeps of a variant's change. */
function audited(r: VariantRow) {
  return {
    sku: r.sku, barcode: r.barcode, weightGrams: r.weightGrams, price: r.priceMinor.toString(),
    compareAt: r.compareAtMinor?.toString() ?? null, cost: r.costMinor?.toString() ?? null,
  };
}

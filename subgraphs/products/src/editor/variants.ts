// A product's variants as the editor saves them: matching input to existing variants, SKUs, and the writes.
import { and, eq, ne, sql } from 'drizzle-orm';
import { anyId, DEFAULT_CURRENCY, type Db } from '@shop/kit';
import { handleFrom } from '../handles/index.js';
import { cleanBarcode, cleanPrice, cleanSku, cleanWeight, LIMITS, type Problems } from '../input/index.js';
import { variant, type ProductOption, type ProductRow, type VariantRow } from '../tables.js';

type Field = (string | number)[];

export interface VariantInput {
  id?: string | null;
  sku?: string | null;
  options?: string[] | null;
  barcode?: string | null;
  weightGrams?: number | null;
  price?: string | null;
  compareAtPrice?: string | null;
  costPrice?: string | null;
}

/** A variant as it will be saved: `existing` when it keeps its id. */
export interface PlannedVariant {
  existing: VariantRow | null;
  sku: string;
  optionValues: string[];
  barcode: string | null;
  weightGrams: number | null;
  priceMinor: bigint;
  compareAtMinor: bigint | null;
  costMinor: bigint | null;
}

/** What the product's variant plan starts from. */
export interface VariantContext {
  existing: ProductRow | null;
  existingVariants: readonly VariantRow[];
  options: readonly ProductOption[];
  handle: string;
  currency: string;
}

/** A field the input may set to a value, clear with null, or leave out (undefined keeps the old value). */
export function keep<T>(given: T | null | undefined, clean: (value: T) => unknown, old: unknown): unknown {
  if (given === undefined) return old;
  return given === null ? null : clean(given);
}

/** Every combination of option values, first axis slowest ("S / Red", "S / Blue", "M / Red", ...). */
export function combinations(options: readonly ProductOption[]): string[][] {
  return options.reduce<string[][]>(
    (acc, option) => acc.flatMap((prefix) => option.values.map((value) => [...prefix, value])),
    [[]],
  );
}

/** "Red / M", or "Default" for a product without options. */
export function variantTitle(values: readonly string[]): string {
  return values.length ? values.join(' / ') : 'Default';
}

/**
 * The variants a save writes, or null when it leaves them as they are: the
 * input's entries, else (on create) one variant per option combination. Adds
 * userErrors for entries that do not fit the options or repeat a variant or SKU.
 */
export async function planProductVariants(
  tx: Db,
  p: Problems,
  given: { variants?: VariantInput[] | null; options?: ProductOption[] | null; price?: string | null },
  context: VariantContext,
): Promise<PlannedVariant[] | null> {
  const { existing, existingVariants, options } = context;
  let planned: PlannedVariant[] | null = null;
  if (given.variants) {
    planned = planVariants(p, given.variants, context);
  } else if (!existing) {
    planned = generatedVariants(p, given.price, context);
  } else if (given.options) {
    const misfit = existingVariants.some(
      (v) => v.optionValues.length !== options.length || v.optionValues.some((value, a) => !options[a]!.values.includes(value)),
    );
    if (misfit) p.add('VARIANT_OPTIONS_MISMATCH', 'The variants do not match these options; send the variants too.', ['options']);
  }
  if (planned) {
    const combos = new Set<string>();
    planned.forEach((v, i) => {
      const key = JSON.stringify(v.optionValues);
      if (combos.has(key)) p.add('DUPLICATE_VARIANT', 'Another variant has the same options.', ['variants', i, 'options']);
      combos.add(key);
    });
    await checkSkus(tx, p, planned, existing?.id ?? null);
  }
  return planned;
}

/** One variant per option combination, all at the given price (a new product sent without variants). */
function generatedVariants(p: Problems, price: string | null | undefined, context: VariantContext): PlannedVariant[] {
  const combos = combinations(context.options);
  if (combos.length > LIMITS.maxVariants) {
    p.add('TOO_MANY_VARIANTS', `${combos.length} combinations; at most ${LIMITS.maxVariants} variants.`, ['options']);
  }
  const priceMinor = cleanPrice(p, price, context.currency, ['price']) ?? 0n;
  return combos.slice(0, LIMITS.maxVariants).map((values, index) => ({
    existing: null, sku: generatedSku(context.handle, values, index), optionValues: values,
    barcode: null, weightGrams: null, priceMinor, compareAtMinor: null, costMinor: null,
  }));
}

/** Matches input entries to existing variants (by id, else SKU) and checks each entry. */
function planVariants(p: Problems, entries: readonly VariantInput[], context: VariantContext): PlannedVariant[] {
  const { existingVariants: existing, options, currency, handle } = context;
  if (entries.length > LIMITS.maxVariants) {
    p.add('TOO_MANY_VARIANTS', `At most ${LIMITS.maxVariants} variants.`, ['variants']);
  }
  const claimed = new Set<string>();
  return entries.map((entry, i) => {
    const path: Field = ['variants', i];
    let match: VariantRow | null = null;
    if (entry.id != null) {
      match = existing.find((v) => v.id === entry.id) ?? null;
      if (!match) p.add('UNKNOWN_VARIANT', 'No such variant of this product.', [...path, 'id']);
    } else if (entry.sku) {
      match = existing.find((v) => v.sku === entry.sku!.trim() && !claimed.has(v.id)) ?? null;
    }
    if (match && claimed.has(match.id)) p.add('DUPLICATE_VARIANT', 'This variant is listed twice.', [...path, 'id']);
    if (match) claimed.add(match.id);
    const optionValues = (entry.options ?? match?.optionValues ?? []).map((v) => v.trim());
    const fits = optionValues.length === options.length && optionValues.every((v, a) => options[a]!.values.includes(v));
    if (!fits) {
      p.add('VARIANT_OPTIONS_MISMATCH', `Give one value of each option (${options.map((o) => o.name).join(', ') || 'none'}).`, [...path, 'options']);
    }
    const sku = entry.sku != null ? cleanSku(p, entry.sku, [...path, 'sku']) : (match?.sku ?? generatedSku(handle, optionValues, i));
    let priceMinor = entry.price != null ? cleanPrice(p, entry.price, currency, [...path, 'price']) : (match?.priceMinor ?? null);
    if (priceMinor === null && entry.price == null) {
      p.add('INVALID_PRICE', 'A new variant needs a price.', [...path, 'price']);
    }
    priceMinor ??= 0n;
    return {
      existing: match,
      sku,
      optionValues,
      barcode: keep(entry.barcode, (v: string) => cleanBarcode(p, v, [...path, 'barcode']), match?.barcode ?? null) as string | null,
      weightGrams: keep(entry.weightGrams, (v: number) => cleanWeight(p, v, [...path, 'weightGrams']), match?.weightGrams ?? null) as number | null,
      priceMinor,
      compareAtMinor: keep(entry.compareAtPrice, (v: string) => cleanPrice(p, v, currency, [...path, 'compareAtPrice']), match?.compareAtMinor ?? null) as bigint | null,
      costMinor: keep(entry.costPrice, (v: string) => cleanPrice(p, v, currency, [...path, 'costPrice']), match?.costMinor ?? null) as bigint | null,
    };
  });
}

/**
 * A SKU for a variant the operator left blank: the handle and the option values,
 * transliterated like handles (أحمر → "ahmr"), so non-Latin values give distinct SKUs;
 * a value with nothing to transliterate (an emoji) stands as its variant's position.
 */
function generatedSku(handle: string, values: readonly string[], position: number): string {
  const parts = [handle, ...values.map((value) => handleFrom(value) || `v${position + 1}`)];
  return parts.filter(Boolean).join('-').toUpperCase().slice(0, LIMITS.skuMaxLength);
}

/** SKUs repeated within the plan, or held by another product's variant. */
async function checkSkus(tx: Db, p: Problems, planned: readonly PlannedVariant[], productId: string | null): Promise<void> {
  const firstAt = new Map<string, number>();
  planned.forEach((v, i) => {
    if (firstAt.has(v.sku)) p.add('DUPLICATE_SKU', `SKU ${v.sku} is listed twice.`, ['variants', i, 'sku']);
    else firstAt.set(v.sku, i);
  });
  if (!planned.length) return;
  const held = await tx
    .select({ sku: variant.sku })
    .from(variant)
    .where(
      and(
        sql`${variant.sku} = any(${sql.param(planned.map((v) => v.sku))}::text[])`,
        productId ? ne(variant.productId, productId) : undefined,
      ),
    );
  for (const { sku } of held) p.add('DUPLICATE_SKU', `SKU ${sku} belongs to another product.`, ['variants', firstAt.get(sku)!, 'sku']);
}

/** Replaces a product's variants with the plan: variants left out are deleted, kept ones keep their ids. */
export async function writeVariants(tx: Db, productId: string, planned: readonly PlannedVariant[], existing: readonly VariantRow[]) {
  const kept = new Set(planned.flatMap((v) => (v.existing ? [v.existing.id] : [])));
  const removed = existing.filter((v) => !kept.has(v.id)).map((v) => v.id);
  if (removed.length) await tx.delete(variant).where(anyId(variant.id, removed));
  // SKUs may swap between kept variants: park the changing ones on their (unique) ids first.
  const renamed = planned.filter((v) => v.existing && v.existing.sku !== v.sku).map((v) => v.existing!.id);
  if (renamed.length) await tx.execute(sql`update products.variant set sku = id::text where id = any(${sql.param(renamed)}::uuid[])`);
  for (const [position, v] of planned.entries()) {
    const values = {
      sku: v.sku,
      title: variantTitle(v.optionValues),
      optionValues: v.optionValues,
      barcode: v.barcode,
      weightGrams: v.weightGrams,
      priceMinor: v.priceMinor,
      compareAtMinor: v.compareAtMinor,
      costMinor: v.costMinor,
      position,
    };
    if (v.existing) await tx.update(variant).set({ ...values, updatedAt: new Date() }).where(eq(variant.id, v.existing.id));
    else await tx.insert(variant).values({ ...values, productId, currencyCode: DEFAULT_CURRENCY });
  }
}

/** min_price_minor and in_stock follow the variants: recomputed after any variant write. */
export async function refreshDerived(tx: Db, productIds: readonly string[]): Promise<void> {
  if (!productIds.length) return;
  await tx.execute(sql`update products.product p set
      min_price_minor = coalesce((select min(v.price_minor) from products.variant v where v.product_id = p.id), 0),
      in_stock = exists (select 1 from products.variant v where v.product_id = p.id and v.in_stock)
    where p.id = any(${sql.param([...productIds])}::uuid[])`);
}

import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { formatMinor, MAX_PAGE_SIZE, type Db } from '@shop/kit';
import { LIMITS } from '../input/index.js';
import { brandsByIds, listProducts, variantsByProductIds, type ProductFilter } from '../service.js';
import type { ProductRow, VariantRow } from '../tables.js';
import { COLUMNS, type Column } from './columns.js';

const amount = (minor: bigint | null, variant: VariantRow) => (minor === null ? '' : formatMinor(minor, variant.currencyCode.trim()));

function record(product: ProductRow, brandName: string, variant: VariantRow | undefined): Record<Column, string> {
  const options = Object.fromEntries(
    Array.from({ length: LIMITS.maxOptions }, (_, i) => [
      [`option${i + 1}_name`, product.options[i]?.name ?? ''],
      [`option${i + 1}_value`, (product.options[i] && variant?.optionValues[i]) ?? ''],
    ]).flat(),
  );
  return {
    handle: product.handle,
    title: product.title,
    status: product.status,
    description: product.descriptionHtml,
    brand: brandName,
    tags: product.tags.join(', '),
    ...options,
    sku: variant?.sku ?? '',
    barcode: variant?.barcode ?? '',
    weight_grams: variant?.weightGrams?.toString() ?? '',
    price: variant ? amount(variant.priceMinor, variant) : '',
    compare_at_price: variant ? amount(variant.compareAtMinor, variant) : '',
    cost_price: variant ? amount(variant.costMinor, variant) : '',
    currency: variant?.currencyCode.trim() ?? '',
  } as Record<Column, string>;
}

/**
 * Every variant of the products the filter matches, one record each, in the
 * product list's order (newest first). Keyset pages of 100 products: memory
 * stays flat however big the catalog. A product without variants is one row
 * with blank variant columns.
 */
async function* exportRecords(db: Db, filter: ProductFilter | null): AsyncGenerator<Record<Column, string>> {
  for (let after: string | null = null; ; ) {
    const page = await listProducts(db, { first: MAX_PAGE_SIZE, after, filter });
    const products = page.edges.map((e) => e.node);
    if (!products.length) return;
    const ids = products.map((p) => p.id);
    const brandIds = [...new Set(products.flatMap((p) => (p.brandId ? [p.brandId] : [])))];
    const [variants, brands] = await Promise.all([variantsByProductIds(db, ids), brandIds.length ? brandsByIds(db, brandIds) : []]);
    const brandName = new Map(brands.map((b) => [b.id, b.name]));
    const byProduct = new Map<string, VariantRow[]>();
    for (const v of variants) byProduct.set(v.productId, [...(byProduct.get(v.productId) ?? []), v]);
    for (const product of products) {
      const name = product.brandId ? (brandName.get(product.brandId) ?? '') : '';
      const own = byProduct.get(product.id) ?? [];
      if (!own.length) yield record(product, name, undefined);
      for (const variant of own) yield record(product, name, variant);
    }
    if (!page.pageInfo.hasNextPage) return;
    after = page.pageInfo.endCursor;
  }
}

/**
 * The catalog as CSV in the import's columns (so an export re-imports
 * unchanged), UTF-8 with a BOM so spreadsheet apps read Thai, Chinese and
 * Arabic right. cost_price only when the caller may read cost prices.
 * A stream with backpressure: pipe it to the response.
 */
export function exportProducts(db: Db, filter: ProductFilter | null, options: { includeCost: boolean }): Readable {
  const columns = COLUMNS.filter((c) => options.includeCost || c !== 'cost_price');
  const csv = stringify({ header: true, columns: [...columns], bom: true });
  // pipeline (not pipe) so a failing query destroys the CSV stream, and the response with it.
  return pipeline(Readable.from(exportRecords(db, filter)), csv, () => {});
}

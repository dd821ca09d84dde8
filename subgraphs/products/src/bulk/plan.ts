import { sql } from 'drizzle-orm';
import { anyId, DEFAULT_CURRENCY, parseDecimal, type Db } from '@shop/kit';
import { variantTitle } from '../editor/index.js';
import { LIMITS } from '../input/index.js';
import { brand, product, variant, type ProductOption, type ProductRow, type VariantRow } from '../tables.js';
import { issue, type Issue } from './issues.js';
import { productKey, type ImportRow } from './rows.js';

/** The rows of one product, in file order. */
export interface ProductGroup {
  rows: ImportRow[];
}

/** What the catalog holds for the products and SKUs a set of groups names. */
export interface Catalog {
  productById: Map<string, ProductRow>;
  productIdByHandle: Map<string, string>;
  variantBySku: Map<string, VariantRow>;
  variantsByProduct: Map<string, VariantRow[]>;
  brandNameById: Map<string, string>;
}

export type RowOutcome = 'create' | 'update' | 'unchanged';

export type ProductFields = Pick<ProductRow, 'title' | 'status' | 'descriptionHtml' | 'tags' | 'options'> & {
  /** Brand by name; null for none. */
  brand: string | null;
};

export type VariantFields = Pick<
  VariantRow,
  'sku' | 'title' | 'optionValues' | 'barcode' | 'weightGrams' | 'priceMinor' | 'compareAtMinor' | 'costMinor' | 'currencyCode'
>;

/** What to write for one product. */
export interface ProductPlan {
  /** null: a new product (`create` holds it). */
  productId: string | null;
  create: (ProductFields & { handle: string | null }) | null;
  /** Changed product columns of an existing product. */
  patch: Partial<ProductFields & { handle: string }>;
  newVariants: (VariantFields & { position: number })[];
  variantPatches: { id: string; patch: Partial<VariantFields> }[];
  outcomes: { row: number; outcome: RowOutcome }[];
}

const PRODUCT_COLUMNS = [
  ['title', (r: ImportRow) => r.title],
  ['status', (r: ImportRow) => r.status],
  ['description', (r: ImportRow) => r.description],
  ['brand', (r: ImportRow) => r.brand],
  ['tags', (r: ImportRow) => r.tags?.join(',')],
  ['option1_name', (r: ImportRow) => r.options?.names.join('\u0000')],
] as const;

/**
 * Rules across rows: a SKU appears once in the file, and the rows of one
 * product agree on its columns (the first non-blank value wins; a row that
 * differs is refused). Groups hold only the rows that passed.
 */
export function groupRows(rows: readonly ImportRow[]): { groups: ProductGroup[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const skuRows = new Map<string, number>();
  const groups = new Map<string, { rows: ImportRow[]; first: Map<string, string> }>();
  for (const row of rows) {
    const earlier = skuRows.get(row.sku);
    if (earlier !== undefined) {
      issues.push(issue(row.row, 'sku', 'DUPLICATE_SKU', `SKU "${row.sku}" is already on row ${earlier}.`));
      continue;
    }
    skuRows.set(row.sku, row.row);
    const key = productKey(row);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { rows: [], first: new Map() }));
    const conflicts = PRODUCT_COLUMNS.filter(([column, value]) => {
      const mine = value(row);
      const theirs = group.first.get(column);
      return mine !== undefined && theirs !== undefined && mine !== theirs;
    });
    for (const [column] of conflicts) {
      const code = column === 'option1_name' ? 'INVALID_OPTIONS' : 'PRODUCT_FIELD_CONFLICT';
      issues.push(issue(row.row, column, code, `Differs from the product's earlier rows (row ${group.rows[0]!.row}).`));
    }
    if (conflicts.length) continue;
    for (const [column, value] of PRODUCT_COLUMNS) {
      const mine = value(row);
      if (mine !== undefined && !group.first.has(column)) group.first.set(column, mine);
    }
    group.rows.push(row);
  }
  return { groups: [...groups.values()].filter((g) => g.rows.length).map((g) => ({ rows: g.rows })), issues };
}

/** Reads what the groups name: products by handle, variants by SKU, and every variant of those products. */
export async function loadCatalog(tx: Db, groups: readonly ProductGroup[]): Promise<Catalog> {
  const rows = groups.flatMap((g) => g.rows);
  const skus = rows.map((r) => r.sku);
  const handles = [...new Set(rows.flatMap((r) => (r.handle ? [r.handle] : [])))];
  const [bySku, byHandle] = await Promise.all([
    skus.length
      ? tx.select({ productId: variant.productId }).from(variant).where(sql`${variant.sku} = any(${sql.param(skus)}::text[])`)
      : [],
    handles.length
      ? tx.select({ id: product.id }).from(product).where(sql`${product.handle} = any(${sql.param(handles)}::text[])`)
      : [],
  ]);
  const productIds = [...new Set([...bySku.map((r) => r.productId), ...byHandle.map((r) => r.id)])];
  const [products, variants] = productIds.length
    ? await Promise.all([
        tx.select().from(product).where(anyId(product.id, productIds)),
        tx.select().from(variant).where(anyId(variant.productId, productIds)).orderBy(variant.productId, variant.position, variant.id),
      ])
    : [[], []];
  const brandIds = [...new Set(products.flatMap((p) => (p.brandId ? [p.brandId] : [])))];
  const brands = brandIds.length ? await tx.select().from(brand).where(anyId(brand.id, brandIds)) : [];
  const variantsByProduct = new Map<string, VariantRow[]>();
  for (const v of variants) variantsByProduct.set(v.productId, [...(variantsByProduct.get(v.productId) ?? []), v]);
  return {
    productById: new Map(products.map((p) => [p.id, p])),
    productIdByHandle: new Map(products.map((p) => [p.handle, p.id])),
    variantBySku: new Map(variants.map((v) => [v.sku, v])),
    variantsByProduct,
    brandNameById: new Map(brands.map((b) => [b.id, b.name])),
  };
}

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ===
  JSON.stringify(b, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

/**
 * Rules against the catalog and the writes that follow: which product each
 * group is (by SKU, else by handle, else new), amounts in the variant's
 * currency, option names and values, at most 100 variants, no two variants
 * with the same options. Values equal to the catalog's are not written, so an
 * unchanged row costs nothing and keeps its updatedAt.
 */
export function planImport(groups: readonly ProductGroup[], catalog: Catalog): { plans: ProductPlan[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const plans: ProductPlan[] = [];
  const claimed = new Map<string, number>();
  for (const group of groups) {
    const plan = planGroup(group.rows, catalog, claimed, issues);
    if (plan) plans.push(plan);
  }
  return { plans, issues };
}

/** A variant row that passed, with what it should hold. */
interface AcceptedVariant {
  row: ImportRow;
  fields: VariantFields;
  existing: VariantRow | undefined;
}

/** The option names a group's variants take, and the product's variants the file leaves alone. */
interface OptionNames {
  names: string[];
  /** The names are the catalog's: existing variants keep their values. */
  namesKept: boolean;
  untouched: VariantRow[];
}

const firstOf = <T>(rows: readonly ImportRow[], value: (r: ImportRow) => T | undefined) => rows.map(value).find((v) => v !== undefined);

function refuse(issues: Issue[], rows: readonly ImportRow[], column: string | null, code: Issue['code'], message: string) {
  rows.forEach((r) => issues.push(issue(r.row, column, code, message)));
}

/** One product's plan from its rows, or null when none of them can be written. */
function planGroup(groupRows: ImportRow[], catalog: Catalog, claimed: Map<string, number>, issues: Issue[]): ProductPlan | null {
  const target = identifyProduct(groupRows, catalog, claimed, issues);
  if (!target) return null;
  const { productId, existing, handle, title } = target;
  const existingVariants = productId ? (catalog.variantsByProduct.get(productId) ?? []) : [];
  const { rows, ...options } = optionNamesFor(target.rows, existing, existingVariants, issues);
  const accepted = checkVariantRows(rows, catalog, options, existingVariants.length, issues);
  if (!accepted.length) return null;
  const fields = productFieldsFor(rows, catalog, existing, title, options, accepted);
  const patch = existing ? productPatch(existing, fields, handle, catalog) : {};
  const productChanged = Object.keys(patch).length > 0;
  const plan: ProductPlan = {
    productId,
    create: existing ? null : { ...fields, handle: handle ?? null },
    patch,
    newVariants: [],
    variantPatches: [],
    outcomes: [],
  };
  let position = Math.max(-1, ...existingVariants.map((v) => v.position));
  for (const { row, fields: wanted, existing: found } of accepted) {
    if (!found) {
      plan.newVariants.push({ ...wanted, position: ++position });
      plan.outcomes.push({ row: row.row, outcome: 'create' });
      continue;
    }
    const changed: Partial<VariantFields> = {};
    for (const key of Object.keys(wanted) as (keyof VariantFields)[]) {
      const current = key === 'currencyCode' ? found.currencyCode.trim() : found[key];
      if (!same(wanted[key], current)) Object.assign(changed, { [key]: wanted[key] });
    }
    if (Object.keys(changed).length) plan.variantPatches.push({ id: found.id, patch: changed });
    plan.outcomes.push({ row: row.row, outcome: Object.keys(changed).length || productChanged ? 'update' : 'unchanged' });
  }
  return plan;
}

/** Which product: the one owning the group's SKUs, else the one with its handle, else a new one. */
function identifyProduct(groupRows: readonly ImportRow[], catalog: Catalog, claimed: Map<string, number>, issues: Issue[]) {
  const owners = groupRows.map((r) => catalog.variantBySku.get(r.sku)?.productId);
  const owner = owners.find((o) => o !== undefined);
  const handle = firstOf(groupRows, (r) => r.handle);
  const strangers = groupRows.filter((_, i) => owners[i] !== undefined && owners[i] !== owner);
  const ownerHandle = owner ? catalog.productById.get(owner)!.handle : '';
  refuse(issues, strangers, 'sku', 'SKU_CONFLICT', `The SKU belongs to another product than "${handle ?? ownerHandle}".`);
  const rows = groupRows.filter((r) => !strangers.includes(r));
  const productId = owner ?? (handle ? catalog.productIdByHandle.get(handle) : undefined) ?? null;
  const existing = productId ? catalog.productById.get(productId)! : null;
  if (productId && claimed.has(productId)) {
    refuse(issues, rows, null, 'SKU_CONFLICT', `Row ${claimed.get(productId)} already describes this product under another handle or title.`);
    return null;
  }
  if (productId) claimed.set(productId, rows[0]!.row);
  if (existing && handle && handle !== existing.handle && catalog.productIdByHandle.has(handle)) {
    refuse(issues, rows, 'handle', 'HANDLE_TAKEN', `Handle "${handle}" belongs to another product.`);
    return null;
  }
  const title = firstOf(rows, (r) => r.title);
  if (!existing && !title) {
    refuse(issues, rows, 'title', 'REQUIRED', 'A new product needs a title.');
    return null;
  }
  return { rows, productId, existing, handle, title };
}

/** Option names: the file's, or the catalog's when the file gives none (or variants outside the file need them). */
function optionNamesFor(
  groupRows: ImportRow[],
  existing: ProductRow | null,
  existingVariants: readonly VariantRow[],
  issues: Issue[],
): OptionNames & { rows: ImportRow[] } {
  let rows = groupRows;
  const existingNames = existing?.options.map((o) => o.name) ?? [];
  const fileNames = firstOf(rows, (r) => r.options?.names);
  const skus = new Set(rows.map((r) => r.sku));
  const untouched = existingVariants.filter((v) => !skus.has(v.sku));
  let names = fileNames ?? existingNames;
  if (existing && fileNames && !same(fileNames, existingNames) && untouched.length) {
    const named = rows.filter((r) => r.options);
    refuse(issues, named, 'option1_name', 'INVALID_OPTIONS', `The product's options are ${existingNames.join(', ') || 'none'}; variants not in the file keep them.`);
    rows = rows.filter((r) => !r.options);
    names = existingNames;
  }
  return { rows, names, namesKept: same(names, existingNames), untouched };
}

/** Variants, row by row: each row's issues are recorded and the rows without any are accepted. */
function checkVariantRows(
  rows: readonly ImportRow[],
  catalog: Catalog,
  { names, namesKept, untouched }: OptionNames,
  existingCount: number,
  issues: Issue[],
): AcceptedVariant[] {
  const combos = new Set(untouched.map((v) => v.optionValues.join('\u0000')));
  let variantCount = existingCount;
  const accepted: AcceptedVariant[] = [];
  for (const row of rows) {
    const found = catalog.variantBySku.get(row.sku);
    const rowIssues: Issue[] = [];
    const fail = (column: string | null, code: Issue['code'], message: string) => rowIssues.push(issue(row.row, column, code, message));
    const values = row.options?.values ?? (found && namesKept ? found.optionValues : names.length ? null : []);
    if (!values) fail('option1_value', 'INVALID_OPTIONS', `A new variant needs a value for each option: ${names.join(', ')}.`);
    const currencyCode = row.currency ?? found?.currencyCode.trim() ?? DEFAULT_CURRENCY;
    if (found && row.currency && row.currency !== found.currencyCode.trim() && row.price === undefined) {
      fail('price', 'REQUIRED', `Changing the currency to ${row.currency} needs the price in it.`);
    }
    const minor = (column: string, value: string | undefined, current: bigint | null | undefined) => {
      if (value === undefined) return current ?? null;
      const parsed = parseDecimal(value, currencyCode);
      if (parsed === null) fail(column, 'TOO_MANY_DECIMALS', `${currencyCode} amounts have fewer decimals than "${value}".`);
      return parsed;
    };
    const priceMinor = minor('price', row.price, found?.priceMinor);
    if (priceMinor === null && row.price === undefined) fail('price', 'REQUIRED', 'A new variant needs a price.');
    const compareAtMinor = minor('compare_at_price', row.compareAt, found?.compareAtMinor);
    const costMinor = minor('cost_price', row.cost, found?.costMinor);
    const combo = values?.join('\u0000');
    if (values && combos.has(combo!)) fail('option1_value', 'DUPLICATE_OPTIONS', `Another variant of the product already has ${variantTitle(values)}.`);
    if (!found && !rowIssues.length && variantCount >= LIMITS.maxVariants) {
      fail('sku', 'TOO_MANY_VARIANTS', `A product has at most ${LIMITS.maxVariants} variants.`);
    }
    if (rowIssues.length) {
      issues.push(...rowIssues);
      continue;
    }
    combos.add(combo!);
    if (!found) variantCount += 1;
    const keepTitle = found && same(found.optionValues, values);
    accepted.push({
      row,
      existing: found,
      fields: {
        sku: row.sku,
        title: keepTitle ? found.title : variantTitle(values!),
        optionValues: values!,
        barcode: row.barcode ?? found?.barcode ?? null,
        weightGrams: row.weightGrams ?? found?.weightGrams ?? null,
        priceMinor: priceMinor!,
        compareAtMinor,
        costMinor,
        currencyCode,
      },
    });
  }
  return accepted;
}

/** The product's columns as the file wants them; option values in the catalog's order, new values after. */
function productFieldsFor(
  rows: readonly ImportRow[],
  catalog: Catalog,
  existing: ProductRow | null,
  title: string | undefined,
  { names, namesKept, untouched }: OptionNames,
  accepted: readonly AcceptedVariant[],
): ProductFields {
  const options: ProductOption[] = names.map((name, axis) => {
    const values = namesKept && existing ? [...existing.options[axis]!.values] : [];
    const used = [...(namesKept ? untouched : []).map((v) => v.optionValues[axis]!), ...accepted.map((a) => a.fields.optionValues[axis]!)];
    for (const value of used) if (!values.includes(value)) values.push(value);
    return { name, values };
  });
  const description = firstOf(rows, (r) => r.description);
  return {
    title: title ?? existing!.title,
    status: firstOf(rows, (r) => r.status) ?? existing?.status ?? 'DRAFT',
    descriptionHtml: description ?? existing?.descriptionHtml ?? '',
    tags: firstOf(rows, (r) => r.tags) ?? existing?.tags ?? [],
    brand: firstOf(rows, (r) => r.brand) ?? (existing?.brandId ? catalog.brandNameById.get(existing.brandId)! : null),
    options,
  };
}

/** The product columns that differ from the catalog's. */
function productPatch(existing: ProductRow, fields: ProductFields, handle: string | undefined, catalog: Catalog): ProductPlan['patch'] {
  const patch: ProductPlan['patch'] = {};
  const current: ProductFields = {
    title: existing.title,
    status: existing.status,
    descriptionHtml: existing.descriptionHtml,
    tags: existing.tags,
    brand: existing.brandId ? catalog.brandNameById.get(existing.brandId)! : null,
    options: existing.options,
  };
  for (const key of Object.keys(fields) as (keyof ProductFields)[]) {
    if (!same(fields[key], current[key])) Object.assign(patch, { [key]: fields[key] });
  }
  if (handle && handle !== existing.handle) patch.handle = handle;
  return patch;
}

// The report engine: validates a report request against the catalog and answers it from the roll-ups.
import { callersLocale, ok, type Db, type Locale, type Principal, type Result } from '@shop/kit';
import { productReportLabels, type ProductReportLabel } from '@shop/products/commands';
import type { Measure, MetricSource, ReportDimension } from '../catalog/index.js';
import type { CurrencyCode } from '../generated/resolvers-types.js';
import { fixedLabel } from './messages.js';
import { alignTimeKeys, comparisonRange, isTimeDimension, type DayRange } from './periods.js';
import { readSource, type Measures, type SourceFigures } from './sources.js';
import type { ReportErrorCode, ReportKey, ReportQuery, ReportResult, ReportRow } from './types.js';
import { checkReportQuery, type CheckedQuery } from './validate.js';
import { metricValue } from './values.js';

export type * from './types.js';
export { LIMITS } from './validate.js';

const BY_PRODUCT_LABEL: readonly ReportDimension[] = ['CATEGORY', 'BRAND'];

function addMeasures(into: Measures, from: Measures) {
  for (const [measure, value] of Object.entries(from) as [Measure, bigint][]) into[measure] = (into[measure] ?? 0n) + value;
}

/** The product's key for CATEGORY or BRAND ('' when it has none or is unknown). */
function labelKey(dimension: ReportDimension, label: ProductReportLabel | undefined): string {
  return (dimension === 'CATEGORY' ? label?.categoryId : label?.brandId) ?? '';
}

/**
 * Reads the products source split or filtered by category or brand: the SQL
 * groups by product as well, then each product's category and brand (from
 * products) regroup and filter the rows. Units and revenue are sums, so the
 * totals are the sum of the kept rows.
 */
async function readByProductLabel(
  db: Db, query: CheckedQuery, range: DayRange, measures: Measure[], labels: (ids: string[]) => Promise<Map<string, ProductReportLabel>>,
): Promise<SourceFigures> {
  const dimensions = [...query.dimensions.map((d) => (BY_PRODUCT_LABEL.includes(d) ? 'PRODUCT' : d)), 'PRODUCT'] as ReportDimension[];
  const filters = new Map([...query.filters].filter(([dimension]) => !BY_PRODUCT_LABEL.includes(dimension)));
  const raw = await readSource(db, { source: 'products', measures, dimensions, filters, range, currencyCode: query.currencyCode });
  const known = await labels([...raw.rows.values()].map((row) => row.keys.at(-1)!));
  const figures: SourceFigures = { rows: new Map(), totals: {} };
  for (const row of raw.rows.values()) {
    const label = known.get(row.keys.at(-1)!);
    const kept = [...query.filters].every(([dimension, values]) => !BY_PRODUCT_LABEL.includes(dimension) || values.includes(labelKey(dimension, label)));
    if (!kept) continue;
    const keys = query.dimensions.map((dimension, index) => (BY_PRODUCT_LABEL.includes(dimension) ? labelKey(dimension, label) : row.keys[index]!));
    const id = JSON.stringify(keys);
    const into = figures.rows.get(id) ?? { keys, measures: {} };
    addMeasures(into.measures, row.measures);
    figures.rows.set(id, into);
    addMeasures(figures.totals, row.measures);
  }
  return figures;
}

/** Every measure of the query over one range: one statement per source, merged by key. */
async function figuresOf(db: Db, query: CheckedQuery, range: DayRange, labels: (ids: string[]) => Promise<Map<string, ProductReportLabel>>) {
  const bySource = new Map<MetricSource, Measure[]>();
  for (const [measure, source] of query.measures) bySource.set(source, [...(bySource.get(source) ?? []), measure]);
  const needsLabels = [...query.dimensions, ...query.filters.keys()].some((d) => BY_PRODUCT_LABEL.includes(d));
  const answers = await Promise.all(
    [...bySource].map(([source, measures]) =>
      source === 'products' && needsLabels
        ? readByProductLabel(db, query, range, measures, labels)
        : readSource(db, { source, measures, dimensions: query.dimensions, filters: query.filters, range, currencyCode: query.currencyCode }),
    ),
  );
  const merged: SourceFigures = { rows: new Map(), totals: {} };
  for (const answer of answers) {
    addMeasures(merged.totals, answer.totals);
    for (const [id, row] of answer.rows) {
      const into = merged.rows.get(id) ?? { keys: row.keys, measures: {} };
      addMeasures(into.measures, row.measures);
      merged.rows.set(id, into);
    }
  }
  return merged;
}

/** The comparison rows keyed like the report's: time keys moved to the report's bucket at the same position. */
function alignedComparison(query: CheckedQuery, compared: DayRange, figures: SourceFigures): Map<string, Measures> {
  const maps = query.dimensions.map((dimension) => (isTimeDimension(dimension) ? alignTimeKeys(dimension, query.range, compared) : null));
  const aligned = new Map<string, Measures>();
  for (const row of figures.rows.values()) {
    const keys = row.keys.map((key, index) => (maps[index] ? maps[index]!.get(key) : key));
    if (keys.some((key) => key === undefined)) continue;
    aligned.set(JSON.stringify(keys), row.measures);
  }
  return aligned;
}

/** What people call a key, in `locale`, where known. */
function labelOf(dimension: ReportDimension, key: string, locale: Locale, products: Map<string, ProductReportLabel>): string | null {
  if (isTimeDimension(dimension)) return null;
  if (key === '') return fixedLabel(locale, dimension === 'TRAFFIC_SOURCE' ? 'DIRECT' : dimension === 'CAMPAIGN' ? 'NO_CAMPAIGN' : 'UNKNOWN');
  switch (dimension) {
    case 'CHANNEL': return fixedLabel(locale, key as Parameters<typeof fixedLabel>[1]);
    case 'PRODUCT': return products.get(key)?.title ?? null;
    case 'CATEGORY': return [...products.values()].find((label) => label.categoryId === key)?.categoryName ?? null;
    case 'BRAND': return [...products.values()].find((label) => label.brandId === key)?.brandName ?? null;
    default: return null;
  }
}

/** Sorts by the sort metric (nulls last whichever way), else by keys; ties by keys. */
function compareRows(query: CheckedQuery) {
  const index = query.sortBy ? query.metrics.indexOf(query.sortBy) : -1;
  const direction = query.reverse ? -1 : 1;
  return (a: ReportRow, b: ReportRow): number => {
    if (index >= 0) {
      const x = a.values[index]!.value;
      const y = b.values[index]!.value;
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else if (Number(x) !== Number(y)) return (Number(x) - Number(y)) * direction;
    }
    const keys = JSON.stringify(a.keys.map((k) => k.key)).localeCompare(JSON.stringify(b.keys.map((k) => k.key)));
    return index >= 0 ? keys : keys * direction;
  };
}

/**
 * Computes a report for `principal` (its scopes decide which metrics it may
 * ask for), labels in the language `acceptLanguage` asks for. Reads only
 * (roll-ups and facts; product labels through products' command); `db` may be
 * the pool or a read replica. About one statement per metric source and
 * period, plus two for product labels when keys name products.
 */
export async function runReport(
  db: Db,
  input: ReportQuery,
  principal: Principal,
  acceptLanguage: string | null,
): Promise<Result<ReportResult, ReportErrorCode>> {
  const locale = callersLocale(acceptLanguage);
  const checked = checkReportQuery(input, principal, locale);
  if (!checked.ok) return checked;
  const query = checked.value;
  const byProduct = query.measures.has('lineRevenueMinor');

  // Product labels are looked up once per request, for every product id either period names.
  const products = new Map<string, ProductReportLabel>();
  const labels = async (ids: string[]) => {
    const missing = [...new Set(ids)].filter((id) => id && !products.has(id));
    for (const [id, label] of await productReportLabels(db, missing, locale)) products.set(id, label);
    return products;
  };

  const compared = query.comparison === 'NONE' ? null : comparisonRange(query.range, query.comparison);
  const [main, previous] = await Promise.all([
    figuresOf(db, query, query.range, labels),
    compared ? figuresOf(db, query, compared, labels) : null,
  ]);
  const valuesOf = (measures: Measures) =>
    query.metrics.map((metric) => ({ metric, value: metricValue(metric, measures, query.currencyCode, byProduct) }));
  const comparisonRows = compared && previous ? alignedComparison(query, compared, previous) : null;

  const rows: ReportRow[] = [...main.rows.entries()].map(([id, row]) => ({
    keys: row.keys.map((key, index) => ({ dimension: query.dimensions[index]!, key, label: null }) as ReportKey),
    values: valuesOf(row.measures),
    comparisonValues: comparisonRows ? valuesOf(comparisonRows.get(id) ?? {}) : null,
  }));
  rows.sort(compareRows(query));
  const shown = rows.slice(0, query.first);
  if (query.dimensions.some((d) => d === 'PRODUCT')) await labels(shown.flatMap((row) => row.keys.filter((k) => k.dimension === 'PRODUCT').map((k) => k.key)));
  for (const row of shown) for (const key of row.keys) key.label = labelOf(key.dimension, key.key, locale, products);

  return ok({
    range: query.range,
    comparisonRange: compared,
    metrics: query.metrics,
    dimensions: query.dimensions,
    rows: shown,
    totals: valuesOf(main.totals),
    comparisonTotals: previous ? valuesOf(previous.totals) : null,
    truncated: rows.length > shown.length,
    currencyCode: query.currencyCode as CurrencyCode,
  });
}

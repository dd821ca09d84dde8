/**
 * The CSV columns of a product import and export, in export order. One row per
 * variant; rows that share a handle (or, without one, a title) are one product,
 * and a product column may be repeated on each of its rows or left blank after
 * the first. A blank cell keeps what the catalog holds (or the default for a new
 * product or variant).
 *
 * | column            | meaning                                                            |
 * |-------------------|--------------------------------------------------------------------|
 * | handle            | URL slug; new products without one get one from the title         |
 * | title             | product name; required for a new product                           |
 * | status            | DRAFT (default), ACTIVE or ARCHIVED                                |
 * | description       | HTML, sanitised like the editor's                                  |
 * | brand             | brand name; an unknown name creates the brand                      |
 * | tags              | comma separated                                                    |
 * | optionN_name/value| up to three option axes (size, colour...) and this variant's value |
 * | sku               | required; identifies the variant (create or update by SKU)         |
 * | barcode           | EAN/UPC or any code                                                |
 * | weight_grams      | whole grams ≥ 0                                                    |
 * | price             | decimal ≥ 0 with at most the currency's minor digits; new variants |
 * | compare_at_price  | decimal ≥ 0, the "was" price                                       |
 * | cost_price        | decimal ≥ 0; exported only to callers with catalog:read_cost       |
 * | currency          | ISO code, THB by default                                           |
 */
export const COLUMNS = [
  'handle',
  'title',
  'status',
  'description',
  'brand',
  'tags',
  'option1_name',
  'option1_value',
  'option2_name',
  'option2_value',
  'option3_name',
  'option3_value',
  'sku',
  'barcode',
  'weight_grams',
  'price',
  'compare_at_price',
  'cost_price',
  'currency',
] as const;

export type Column = (typeof COLUMNS)[number];

/** Data rows one file may hold. */
export const MAX_ROWS = 100_000;
/** Bytes one upload may hold. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const isColumn = (name: string): name is Column => (COLUMNS as readonly string[]).includes(name);

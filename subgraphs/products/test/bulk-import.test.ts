import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { checkImport } from '../src/bulk/check.js';
import { exportProducts } from '../src/bulk/export.js';
import { runImportJob } from '../src/bulk/import-task.js';
import { importStart, jobById, jobIssues, type ImportMode } from '../src/bulk/service.js';
import { saveUpload, uploadPath } from '../src/bulk/storage.js';
import { brand, product, variant } from '../src/tables.js';

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shop-imports-'));
  process.env.IMPORT_DIR = dir;
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

const HEADER = ['handle', 'title', 'status', 'description', 'brand', 'tags', 'option1_name', 'option1_value', 'option2_name', 'option2_value', 'sku', 'barcode', 'weight_grams', 'price', 'compare_at_price', 'cost_price', 'currency'];

/** A CSV from rows of cells in HEADER order (missing cells blank). */
const csv = (rows: string[][], header = HEADER, bom = false) =>
  (bom ? '\uFEFF' : '') + stringify([header, ...rows.map((r) => header.map((_, i) => r[i] ?? ''))]);

async function upload(content: string | Buffer): Promise<string> {
  const { id } = await saveUpload(database.db, Readable.from([Buffer.from(content)]), { fileName: 'test.csv', uploadedBy: null });
  return id;
}

async function runImport(uploadId: string, mode: ImportMode) {
  const started = await mutate(database.db, (tx) => importStart(tx, { uploadId, mode }, null, { costAllowed: true }));
  if (!started.ok) throw new Error(JSON.stringify(started.errors));
  await runImportJob({ jobId: started.value.id, costAllowed: true }, database.db);
  return (await jobById(database.db, started.value.id))!;
}

const counts = async () => ({
  products: await database.db.$count(product),
  variants: await database.db.$count(variant),
});

const SHIRT = (sku: string, size: string, colour: string, price = '299.00') =>
  ['tee-basic', 'เสื้อยืด 纯棉 قميص 👕', 'ACTIVE', '<p>Soft <b>cotton</b><script>x()</script></p>', 'Acme', 'Summer, cotton', 'Size', size, 'Colour', colour, sku, '8850000000001', '180', price, '399.00', '120.50', 'THB'];

describe('product import', () => {
  it('creates products and variants from a UTF-8 file with a BOM, grouped by handle, then changes nothing on a re-run', async () => {
    const file = csv(
      [
        SHIRT('TEE-S-RED', 'S', 'Red'),
        SHIRT('TEE-M-RED', 'M', 'Red'),
        ['tee-basic', '', '', '', '', '', 'Size', 'L', 'Colour', 'Blue', 'TEE-L-BLUE', '', '', '349'],
        ['', '花瓶 ✨', '', '', '', '', '', '', '', '', 'VASE-1', '', '', '1200', '', '', ''],
        ['', 'كوب قهوة', 'draft', '', '', '', '', '', '', '', 'MUG-1', '', '', '3.500', '', '', 'KWD'],
      ],
      HEADER,
      true,
    );
    const uploadId = await upload(file);
    const preview = await checkImport(database.db, uploadPath(uploadId), { costAllowed: true });
    expect(preview.issues).toEqual([]);
    expect(preview.counts).toEqual({ create: 5, update: 0, unchanged: 0 });
    expect(await counts()).toEqual({ products: 0, variants: 0 });

    const job = await runImport(uploadId, 'SKIP_INVALID_ROWS');
    expect(job).toMatchObject({ status: 'SUCCEEDED', total: 5, processed: 5, created: 5, updated: 0, unchanged: 0, invalid: 0 });
    const [tee] = await database.db.select().from(product).where(eq(product.handle, 'tee-basic'));
    expect(tee).toMatchObject({
      title: 'เสื้อยืด 纯棉 قميص 👕',
      status: 'ACTIVE',
      descriptionHtml: '<p>Soft <b>cotton</b></p>',
      tags: ['summer', 'cotton'],
      options: [{ name: 'Size', values: ['S', 'M', 'L'] }, { name: 'Colour', values: ['Red', 'Blue'] }],
      minPriceMinor: 29900n,
    });
    const [acme] = await database.db.select().from(brand).where(eq(brand.id, tee!.brandId!));
    expect(acme!.name).toBe('Acme');
    const teeVariants = await database.db.select().from(variant).where(eq(variant.productId, tee!.id)).orderBy(variant.position);
    expect(teeVariants.map((v) => [v.sku, v.title, v.priceMinor, v.costMinor, v.weightGrams])).toEqual([
      ['TEE-S-RED', 'S / Red', 29900n, 12050n, 180],
      ['TEE-M-RED', 'M / Red', 29900n, 12050n, 180],
      ['TEE-L-BLUE', 'L / Blue', 34900n, null, null],
    ]);
    const byTitle = await database.db.select().from(product).where(sql`${product.handle} <> 'tee-basic'`).orderBy(product.title);
    expect(byTitle.map((p) => [p.title, p.handle, p.status])).toEqual([
      ['كوب قهوة', 'kwb-qhw', 'DRAFT'],
      ['花瓶 ✨', 'hua-ping', 'DRAFT'],
    ]);
    const [mug] = await database.db.select().from(variant).where(eq(variant.sku, 'MUG-1'));
    expect([mug!.priceMinor, mug!.currencyCode]).toEqual([3500n, 'KWD']);

    const before = await database.db.select({ id: variant.id, updatedAt: variant.updatedAt }).from(variant).orderBy(variant.id);
    const productsBefore = await database.db.select({ id: product.id, updatedAt: product.updatedAt }).from(product).orderBy(product.id);
    const again = await runImport(uploadId, 'ALL_OR_NOTHING');
    expect(again).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, unchanged: 5 });
    expect(await database.db.select({ id: variant.id, updatedAt: variant.updatedAt }).from(variant).orderBy(variant.id)).toEqual(before);
    expect(await database.db.select({ id: product.id, updatedAt: product.updatedAt }).from(product).orderBy(product.id)).toEqual(productsBefore);
  });

  it('updates by SKU: only the changed variant gets a new updatedAt', async () => {
    const [before] = await database.db.select().from(variant).where(eq(variant.sku, 'TEE-M-RED'));
    const [other] = await database.db.select().from(variant).where(eq(variant.sku, 'TEE-S-RED'));
    const job = await runImport(await upload(csv([['tee-basic', '', '', '', '', '', '', '', '', '', 'TEE-M-RED', '', '', '279.00']])), 'SKIP_INVALID_ROWS');
    expect(job).toMatchObject({ status: 'SUCCEEDED', updated: 1, created: 0 });
    const [after] = await database.db.select().from(variant).where(eq(variant.sku, 'TEE-M-RED'));
    expect(after!.priceMinor).toBe(27900n);
    expect(after!.updatedAt.getTime()).toBeGreaterThan(before!.updatedAt.getTime());
    const [otherAfter] = await database.db.select().from(variant).where(eq(variant.sku, 'TEE-S-RED'));
    expect(otherAfter!.updatedAt).toEqual(other!.updatedAt);
    const [tee] = await database.db.select().from(product).where(eq(product.handle, 'tee-basic'));
    expect(tee!.minPriceMinor).toBe(27900n);
  });

  /** One bad row per check, each its own product (distinct titles), with the code and column expected. */
  const BAD: [string[], string, string | null][] = [
    [['', '', '', '', '', '', '', '', '', '', 'X-1', '', '', '10'], 'REQUIRED', 'title'],
    [['Bad Handle', 'T2', '', '', '', '', '', '', '', '', 'X-2', '', '', '10'], 'INVALID_HANDLE', 'handle'],
    [['', 'T3', 'sold', '', '', '', '', '', '', '', 'X-3', '', '', '10'], 'INVALID_STATUS', 'status'],
    [['', 'T4', '', '', '', '', '', '', '', '', 'X-4', '', '', '-1'], 'NEGATIVE_VALUE', 'price'],
    [['', 'T5', '', '', '', '', '', '', '', '', 'X-5', '', '', '1.234'], 'TOO_MANY_DECIMALS', 'price'],
    [['', 'T6', '', '', '', '', '', '', '', '', 'X-6', '', '', 'ten'], 'INVALID_NUMBER', 'price'],
    [['', 'T7', '', '', '', '', '', '', '', '', 'X-7', '', '1.5', '10'], 'INVALID_NUMBER', 'weight_grams'],
    [['', 'T8', '', '', '', '', '', '', '', '', 'X-8', '', '', '10', '', '', 'XXX'], 'INVALID_CURRENCY', 'currency'],
    [['', '花瓶 ✨', '', '', '', '', '', '', '', '', 'MUG-1'], 'SKU_CONFLICT', 'sku'],
    [['', 'T10', '', '', '', '', '', '', '', '', 'X-10'], 'REQUIRED', 'price'],
    [['', 'T11', '', '', '', '', '', '', '', '', 'X 11', '', '', '10'], 'INVALID_SKU', 'sku'],
    [['tee-basic', '', '', '', '', '', 'Size', 'S', 'Colour', 'Red', 'X-12', '', '', '10'], 'DUPLICATE_OPTIONS', 'option1_value'],
    [['tee-basic', '', '', '', '', '', 'Material', 'Silk', '', '', 'X-13', '', '', '10'], 'INVALID_OPTIONS', 'option1_name'],
    [['', 'T14', '', '', '', '', '', '', '', '', 'X-14', 'EAN 1', '', '10'], 'INVALID_BARCODE', 'barcode'],
  ];

  it('reports each bad row with its column and code, and ALL_OR_NOTHING writes nothing', async () => {
    const good = ['', 'Good product', '', '', '', '', '', '', '', '', 'GOOD-1', '', '', '10'];
    const unchanged = ['', '花瓶 ✨', '', '', '', '', '', '', '', '', 'VASE-1'];
    const file = csv([good, unchanged, ...BAD.map(([cells]) => cells), good]);
    const uploadId = await upload(file);
    const check = await checkImport(database.db, uploadPath(uploadId), { costAllowed: true });
    const expected = [
      ...BAD.map(([, code, column], i) => ({ row: i + 4, code, column })),
      { row: BAD.length + 4, code: 'DUPLICATE_SKU', column: 'sku' },
    ];
    expect(check.issues.map(({ row, code, column }) => ({ row, code, column }))).toEqual(expected);
    expect(check.invalid).toBe(expected.length);
    expect(check.counts).toEqual({ create: 1, update: 0, unchanged: 1 });

    const before = await counts();
    const failed = await runImport(uploadId, 'ALL_OR_NOTHING');
    expect(failed).toMatchObject({ status: 'FAILED', created: 0, invalid: expected.length, errorCount: expected.length });
    expect(await counts()).toEqual(before);
    const stored = await jobIssues(database.db, failed.id, 1000);
    expect(stored.map(({ row, code, column }) => ({ row, code, column }))).toEqual(expected);

    const skipped = await runImport(uploadId, 'SKIP_INVALID_ROWS');
    expect(skipped).toMatchObject({ status: 'SUCCEEDED', created: 1, unchanged: 1, invalid: expected.length, processed: expected.length + 2 });
    expect(await counts()).toEqual({ products: before.products + 1, variants: before.variants + 1 });
  });

  it('refuses files it cannot read: unknown columns, no sku column, broken quoting, no rows', async () => {
    const cases: [string, string][] = [
      ['title,sku,colour\nA,B,C\n', 'UNKNOWN_COLUMN'],
      ['title,price\nA,1\n', 'MISSING_COLUMN'],
      ['title,sku\n"A,B\n', 'MALFORMED_CSV'],
      ['title,sku\n', 'EMPTY_FILE'],
    ];
    for (const [content, code] of cases) {
      const check = await checkImport(database.db, uploadPath(await upload(content)), { costAllowed: true });
      expect(check.issues.map((i) => i.code)).toEqual([code]);
      expect(check.groups).toEqual([]);
    }
  });

  it('exports every variant in the import columns, and the export re-imports unchanged', async () => {
    const bytes = await buffer(exportProducts(database.db, null, { includeCost: true }));
    const exported = bytes.toString('utf8');
    expect(exported.startsWith('\uFEFFhandle,title,status')).toBe(true);
    const records = parse(exported, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(await database.db.$count(variant));
    expect(records.find((r) => r.sku === 'TEE-S-RED')).toMatchObject({
      handle: 'tee-basic', title: 'เสื้อยืด 纯棉 قميص 👕', brand: 'Acme', tags: 'summer, cotton',
      option1_name: 'Size', option1_value: 'S', price: '299.00', cost_price: '120.50', currency: 'THB',
    });
    const withoutCost = await text(exportProducts(database.db, { query: 'tee' }, { includeCost: false }));
    expect(withoutCost.split('\n')[0]).not.toContain('cost_price');
    expect(parse(withoutCost, { bom: true, columns: true })).toHaveLength(3);

    const before = await database.db.select({ id: variant.id, updatedAt: variant.updatedAt }).from(variant).orderBy(variant.id);
    const job = await runImport(await upload(exported), 'ALL_OR_NOTHING');
    expect(job).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, unchanged: records.length, errorCount: 0 });
    expect(await database.db.select({ id: variant.id, updatedAt: variant.updatedAt }).from(variant).orderBy(variant.id)).toEqual(before);
  });
});

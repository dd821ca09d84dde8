import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { stock } from '@shop/stock';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';

// The stock job that tells products a variant's availability, run as the worker runs it.
const AVAILABILITY_FEED = 'stock.availabilityFeed';
const availabilityFeed = stock.tasks[AVAILABILITY_FEED]!;

/** The smallest valid PNG: 1×1, one transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('catalog media uploads and stock status', () => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let base: string;
  let mediaDir: string;
  let manager: Record<string, string>;
  let clerk: Record<string, string>;
  let warehouseId: string;

  beforeAll(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'shop-media-'));
    process.env.MEDIA_DIR = mediaDir;
    database = await createTestDatabase();
    const plan = await seedDemo(database.db);
    warehouseId = plan.warehouses[0]!.id;
    gateway = await startTestGateway('in-process', database.db);
    base = gateway.url.replace(/\/graphql$/, '');
    manager = { authorization: `Bearer ${await staffLogin(gateway, 'catalog_manager@shop.test', 'demo-catalog_manager-password')}` };
    clerk = { authorization: `Bearer ${await staffLogin(gateway, 'inventory_clerk@shop.test', 'demo-inventory_clerk-password')}` };
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
    delete process.env.MEDIA_DIR;
    await rm(mediaDir, { recursive: true, force: true });
  });

  const upload = (body: Buffer, headers: Record<string, string>) =>
    fetch(`${base}/media`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body: new Uint8Array(body) });

  it('stores an image typed by its bytes, serves it immutable, and products may show it', async () => {
    const response = await upload(PNG, manager);
    expect(response.status).toBe(201);
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(/^\/media\/[0-9a-f-]{36}\.png$/);

    const served = await fetch(`${base}${url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

    const { body } = await gateway.query(
      `mutation ($input: ProductCreateInput!) { productCreate(input: $input) { product { media { url alt position } } userErrors { code } } }`,
      { input: { title: 'Pictured product', media: [{ url, alt: 'A single pixel' }] } },
      manager,
    );
    expect(body.data.productCreate).toEqual({ product: { media: [{ url, alt: 'A single pixel', position: 0 }] }, userErrors: [] });
  });

  it('refuses what is not an image, callers without catalog:write, and paths outside the folder', async () => {
    expect((await upload(Buffer.from('<svg onload="alert(1)"/>'), manager)).status).toBe(415);
    expect((await upload(PNG, clerk)).status).toBe(403);
    expect((await upload(PNG, {})).status).toBe(403);
    expect((await fetch(`${base}/media/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await fetch(`${base}/media/00000000-0000-4000-8000-000000000000.png`)).status).toBe(404);
  });

  it('a stock movement feeds the catalog in-stock flag through the availability job', async () => {
    const { body } = await gateway.query(
      `mutation ($input: ProductCreateInput!) { productCreate(input: $input) { product { id inStock variants { id inStock } } } }`,
      { input: { title: 'Stocked product', status: 'ACTIVE', price: '99.00' } },
      manager,
    );
    const product = body.data.productCreate.product;
    expect(product.inStock).toBe(false);
    const variantId = product.variants[0].id;

    const adjust = await gateway.query(
      `mutation ($input: StockAdjustInput!) { stockAdjust(input: $input) { userErrors { code } } }`,
      { input: { variantId, warehouseId, quantity: 5, reason: 'FOUND' } },
      clerk,
    );
    expect(adjust.body.data.stockAdjust.userErrors).toEqual([]);
    const jobs = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from graphile_worker.jobs where task_identifier = ${AVAILABILITY_FEED} and key = ${`availability:${variantId}`}`,
    );
    expect(jobs[0]!.n).toBe(1);

    await availabilityFeed({ variantId }, database.db);
    const inStock = `query ($id: ID!) { product(id: $id) { inStock variants { inStock } } }`;
    expect((await gateway.query(inStock, { id: product.id })).body.data.product).toEqual({ inStock: true, variants: [{ inStock: true }] });
    const filtered = await gateway.query(
      `{ products(first: 5, filter: { query: "Stocked product", stockStatus: IN_STOCK }) { totalCount } }`,
    );
    expect(filtered.body.data.products.totalCount).toBe(1);
  });
});

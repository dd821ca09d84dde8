import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../kit/browser.js';
import { startConsoleStack, type ConsoleStack } from '../kit/console-stack.js';
import { CategoriesPage } from './pages/categories-page.js';
import { ProductEditorPage } from './pages/product-editor-page.js';
import { demoAccount } from './pages/login-page.js';
import { ProductsPage, ReviewsPage } from './pages/products-page.js';

/** A 1×1 PNG, so the gateway's type check (by the bytes) accepts the upload. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 200, 30, 30]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Catalog in Chromium: the product editor in English and Arabic, the category tree, the review queue.
describe.skipIf(!hasChromium)('catalog in the admin console', () => {
  let stack: ConsoleStack;
  let baseUrl: string;
  const stamp = Date.now().toString(36).toUpperCase();

  // Uploaded images go to a folder of this run (the in-process gateway reads MEDIA_DIR per request).
  const mediaDir = mkdtempSync(join(tmpdir(), 'catalog-e2e-media-'));

  beforeAll(async () => {
    process.env.MEDIA_DIR = mediaDir;
    stack = await startConsoleStack();
    baseUrl = stack.baseUrl;
  });

  afterAll(async () => {
    await stack?.stop();
    delete process.env.MEDIA_DIR;
    rmSync(mediaDir, { recursive: true, force: true });
  });

  const close = (page: Page) => page.context().close();

  /** Creates a product with Size × Colour (2 × 2) in the editor; returns its title and SKUs. */
  async function createTwoAxisProduct(page: Page, title: string, axes: [string, string[]][]) {
    const editor = new ProductEditorPage(page);
    await editor.gotoNew(baseUrl);
    await editor.setTitle(title);
    for (const [name, values] of axes) await editor.addOption(name, values);
    await expect.poll(() => editor.variantRows().count()).toBe(4);
    const [first, second] = axes;
    expect(await editor.variantTitles()).toEqual(
      first![1].flatMap((a) => second![1].map((b) => `${a} / ${b}`)),
    );
    const skus = [0, 1, 2, 3].map((i) => `E2E-${stamp}-${title.length}-${i}`);
    for (const [index, sku] of skus.entries()) await editor.fillVariant(index, { sku });
    await editor.fillVariant(0, { price: '249.50' });
    await editor.applyPriceToAll();
    const id = await editor.createAndWait();
    return { editor, id, skus };
  }

  it('creates a product whose two option axes generate the variant matrix, finds it, and refuses a duplicate SKU inline (English)', async () => {
    const page = await stack.signedIn('catalog_manager');
    const title = `E2E Cotton Tee ${stamp}`;
    const { editor, id, skus } = await createTwoAxisProduct(page, title, [
      ['Size', ['S', 'M']],
      ['Colour', ['Red', 'Blue']],
    ]);
    // Saved: the editor shows the four variants with their SKUs and the shared price.
    await expect.poll(() => editor.variantRows().count()).toBe(4);
    expect(await editor.variantRows().nth(3).getByTestId('variant-sku').inputValue()).toBe(skus[3]);
    expect(await editor.variantRows().nth(3).getByTestId('variant-price').inputValue()).toBe('249.50');

    const products = new ProductsPage(page);
    await products.goto(baseUrl);
    await products.search(title);
    await expect.poll(() => products.rows().count()).toBe(1);
    expect(await products.rows().first().getAttribute('data-product-id')).toBe(id);

    // A second product reusing a SKU: refused, the error sits under that SKU, nothing is created.
    await editor.gotoNew(baseUrl);
    await editor.setTitle(`E2E Duplicate ${stamp}`);
    await editor.fillVariant(0, { sku: skus[0], price: '10' });
    await editor.save();
    await expect.poll(() => editor.skuError(0).textContent()).toBe('This SKU is already used.');
    expect(new URL(page.url()).pathname).toBe('/products/new');
    await products.goto(baseUrl);
    await products.search(`E2E Duplicate ${stamp}`);
    await expect.poll(() => products.rows().count()).toBe(0);
    await close(page);
  });

  it('works right to left in Arabic: the editor creates a product with variants and the list finds it', async () => {
    const page = await stack.signedIn('owner');
    const products = new ProductsPage(page);
    await products.goto(baseUrl);
    await products.setLocale('ar');
    await expect.poll(() => products.dir()).toBe('rtl');

    const title = `قميص قطني ${stamp}`;
    const editor = new ProductEditorPage(page);
    await editor.gotoNew(baseUrl);
    expect(await products.dir()).toBe('rtl');
    await editor.openTranslation('ar');
    expect(await editor.translationTitle('ar').getAttribute('dir')).toBe('rtl');
    await editor.translationTitle('ar').fill(title);
    await editor.page.getByTestId('product-title').fill(`Cotton shirt AR ${stamp}`);
    for (const [name, values] of [
      ['المقاس', ['S', 'M']],
      ['اللون', ['أحمر', 'أزرق']],
    ] as [string, string[]][]) {
      await editor.addOption(name, values);
    }
    await expect.poll(() => editor.variantRows().count()).toBe(4);
    expect(await editor.variantTitles()).toEqual(['S / أحمر', 'S / أزرق', 'M / أحمر', 'M / أزرق']);
    for (const index of [0, 1, 2, 3]) await editor.fillVariant(index, { sku: `E2E-AR-${stamp}-${index}` });
    await editor.fillVariant(0, { price: '99' });
    await editor.applyPriceToAll();
    const id = await editor.createAndWait();

    await products.goto(baseUrl);
    expect(await products.dir()).toBe('rtl');
    await products.search(`Cotton shirt AR ${stamp}`);
    await expect.poll(() => products.rows().count()).toBe(1);
    expect(await products.rows().first().getAttribute('data-product-id')).toBe(id);
    await close(page);
  });

  it('moves a category into another by dragging it in the tree', async () => {
    const page = await stack.signedIn('catalog_manager');
    const categories = new CategoriesPage(page);
    await categories.goto(baseUrl);
    const kitchen = await categories.idOf('Kitchen');
    expect(await categories.parentOf('Tea')).not.toBe(kitchen);
    await categories.dragInto('Tea', 'Kitchen');
    await expect.poll(() => categories.parentOf('Tea')).toBe(kitchen);
    // The move is saved: a fresh load shows it too.
    await categories.goto(baseUrl);
    expect(await categories.parentOf('Tea')).toBe(kitchen);
    await close(page);
  });

  it('approves a pending review in the moderation queue', async () => {
    const page = await stack.signedIn('catalog_manager');
    const reviews = new ReviewsPage(page);
    await reviews.goto(baseUrl);
    await expect.poll(() => reviews.rows().count()).toBeGreaterThan(0);
    const id = (await reviews.rows().first().getAttribute('data-review-id'))!;
    expect(await reviews.row(id).getAttribute('data-status')).toBe('PENDING');
    await reviews.approve(id);
    await expect.poll(() => reviews.row(id).count()).toBe(0);
    await reviews.goto(baseUrl, 'APPROVED');
    await expect.poll(() => reviews.row(id).getAttribute('data-status')).toBe('APPROVED');
    await close(page);
  });

  it('uploads an image with alt text through the console and keeps it with the product', async () => {
    const page = await stack.signedIn('catalog_manager');
    const editor = new ProductEditorPage(page);
    await editor.gotoNew(baseUrl);
    await editor.setTitle(`E2E Picture ${stamp}`);
    await editor.fillVariant(0, { price: '5' });
    await editor.uploadImage({ name: 'dot.png', mimeType: 'image/png', buffer: tinyPng() });
    await editor.mediaItems().first().getByTestId('media-alt').fill('A red dot');
    await editor.createAndWait();
    await expect.poll(() => editor.mediaItems().count()).toBe(1);
    const image = editor.mediaItems().first().locator('img');
    expect(await image.getAttribute('alt')).toBe('A red dot');
    // Served through the console's /products/media proxy from the gateway.
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    await close(page);
  });

  it('tags and then archives the selected products, archiving after the step-up password (owner)', async () => {
    const page = await stack.signedIn('owner');
    const editor = new ProductEditorPage(page);
    for (const n of [1, 2]) {
      await editor.gotoNew(baseUrl);
      await editor.setTitle(`E2E Bulk ${stamp} ${n}`);
      await editor.fillVariant(0, { price: '1' });
      await editor.createAndWait();
    }
    const products = new ProductsPage(page);
    await products.goto(baseUrl);
    await products.search(`E2E Bulk ${stamp}`);
    await expect.poll(() => products.rows().count()).toBe(2);
    await products.selectAll();
    await products.addTag('e2e-bulk');
    await expect.poll(() => page.getByTestId('product-tag').filter({ hasText: 'e2e-bulk' }).count()).toBe(2);

    await products.selectAll();
    await products.archiveSelected(demoAccount('owner').password);
    await expect.poll(() => products.statuses()).toEqual(['ARCHIVED', 'ARCHIVED']);
    await close(page);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { recordPurchases } from '@shop/products/commands';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { customerLogin, DEMO_CUSTOMER, staffLogin } from '../kit/callers.js';

const PRODUCT_FIELDS = `id title handle status locale storefrontUrl
  options { name values } variants { id sku title price { amount currencyCode } selectedOptions { name value } }
  seo { title description } rating { average count }`;

const CREATE = `mutation ($input: ProductCreateInput!) {
  productCreate(input: $input) { product { ${PRODUCT_FIELDS} } userErrors { field code message } } }`;
const UPDATE = `mutation ($input: ProductUpdateInput!) {
  productUpdate(input: $input) { product { ${PRODUCT_FIELDS} } userErrors { field code message } } }`;
const CATEGORY_CREATE = `mutation ($input: CategoryCreateInput!) {
  categoryCreate(input: $input) { category { id depth } userErrors { field code message } } }`;
const CATEGORY_MOVE = `mutation ($input: CategoryMoveInput!) {
  categoryMove(input: $input) { category { id depth } userErrors { field code message } } }`;
const SEARCH = `query ($query: String!) { products(first: 10, filter: { query: $query }) { totalCount edges { node { id title } } } }`;

/** Rows of the catalog tables a refused mutation must leave alone. */
async function catalogCounts(db: TestDatabase) {
  const [row] = await db.db.execute<Record<string, number>>(sql`select
    (select count(*) from products.product)::int as products,
    (select count(*) from products.variant)::int as variants,
    (select count(*) from products.product_translation)::int as translations,
    (select count(*) from products.category)::int as categories,
    (select count(*) from products.brand)::int as brands`);
  return row!;
}

describe.each(['in-process', 'distributed'] as const)('catalog (%s)', (mode) => {
  let database: TestDatabase;
  let gateway: TestGateway;
  let manager: Record<string, string>;
  let owner: Record<string, string>;
  let customer: Record<string, string>;
  let existingSku: string;
  let existingHandle: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const plan = await seedDemo(database.db);
    existingSku = plan.products[0]!.variants[0]!.sku;
    existingHandle = plan.products[0]!.handle;
    gateway = await startTestGateway(mode, database.db);
    manager = { authorization: `Bearer ${await staffLogin(gateway, 'catalog_manager@shop.test', 'demo-catalog_manager-password')}` };
    owner = { authorization: `Bearer ${await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password')}` };
    customer = { authorization: `Bearer ${await customerLogin(gateway, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password)}` };
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await database?.close();
  });

  async function createTee(suffix: string) {
    const { body } = await gateway.query(
      CREATE,
      {
        input: {
          title: `Test Tee ${suffix}`,
          status: 'ACTIVE',
          price: '250.00',
          options: [
            { name: 'Size', values: ['S', 'M', 'L'] },
            { name: 'Colour', values: ['Red', 'Blue', 'Green', 'Black'] },
          ],
          seo: { title: 'Test tee', description: 'A tee for tests' },
        },
      },
      manager,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.productCreate.userErrors).toEqual([]);
    return body.data.productCreate.product;
  }

  it('creates a product with 3×4 generated variants, a handle from the title and a storefront url', async () => {
    const product = await createTee('alpha');
    expect(product.handle).toBe('test-tee-alpha');
    expect(product.storefrontUrl).toBe('http://localhost:3000/store/products/test-tee-alpha');
    expect(product.variants).toHaveLength(12);
    expect(product.variants[0]).toMatchObject({
      title: 'S / Red',
      sku: 'TEST-TEE-ALPHA-S-RED',
      price: { amount: '250.00', currencyCode: 'THB' },
      selectedOptions: [{ name: 'Size', value: 'S' }, { name: 'Colour', value: 'Red' }],
    });
    const again = await createTee('alpha');
    expect(again.handle).toBe('test-tee-alpha-2');
  });

  it('generates distinct SKUs from Arabic and Thai option values', async () => {
    const { body } = await gateway.query(
      CREATE,
      {
        input: {
          title: 'قميص قطني',
          price: '99.00',
          options: [
            { name: 'اللون', values: ['أحمر', 'أزرق'] },
            { name: 'ขนาด', values: ['เล็ก', 'ใหญ่'] },
          ],
        },
      },
      manager,
    );
    expect(body.data.productCreate.userErrors).toEqual([]);
    const skus: string[] = body.data.productCreate.product.variants.map((v: { sku: string }) => v.sku);
    expect(new Set(skus).size).toBe(4);
    for (const sku of skus) expect(sku).toMatch(/^QMYS-QTNY-[A-Z0-9-]+$/);
  });

  it('translates a product, finds it by Thai and Chinese substrings and answers in the asked locale', async () => {
    const product = await createTee('beta');
    const { body } = await gateway.query(
      UPDATE,
      {
        input: {
          id: product.id,
          translations: [
            { locale: 'th', title: 'เสื้อยืดทดสอบพิเศษ', seoTitle: 'เสื้อยืด' },
            { locale: 'zh-CN', title: '测试特别衬衫' },
          ],
        },
      },
      manager,
    );
    expect(body.data.productUpdate.userErrors).toEqual([]);

    for (const fragment of ['ทดสอบพิเศ', '特别衬']) {
      const search = await gateway.query(SEARCH, { query: fragment });
      expect(search.body.data.products.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([product.id]);
    }

    const byHeader = await gateway.query(
      `query ($id: ID!) { product(id: $id) { title locale seo { title } } }`,
      { id: product.id },
      { 'accept-language': 'th-TH,th;q=0.9,en;q=0.5' },
    );
    expect(byHeader.body.data.product).toEqual({ title: 'เสื้อยืดทดสอบพิเศษ', locale: 'th', seo: { title: 'เสื้อยืด' } });

    const byArgument = await gateway.query(
      `query ($id: ID!) { product(id: $id, locale: "zh-CN") { title locale seo { title } } }`,
      { id: product.id },
      { 'accept-language': 'th' },
    );
    // No zh-CN SEO title: the base (English) one answers.
    expect(byArgument.body.data.product).toEqual({ title: '测试特别衬衫', locale: 'zh-CN', seo: { title: 'Test tee' } });

    const english = await gateway.query(`query ($id: ID!) { product(id: $id) { title locale } }`, { id: product.id });
    expect(english.body.data.product).toEqual({ title: 'Test Tee beta', locale: 'en' });
  });

  it('archiving hides a product from storefronts; unarchiving brings it back as a draft', async () => {
    const product = await createTee('gamma');
    const archive = await gateway.query(
      `mutation ($input: ProductArchiveInput!) { productArchive(input: $input) { product { status } userErrors { code } } }`,
      { input: { id: product.id } },
      manager,
    );
    expect(archive.body.data.productArchive).toEqual({ product: { status: 'ARCHIVED' }, userErrors: [] });
    const anonymous = await gateway.query(`query ($id: ID!) { product(id: $id) { id } }`, { id: product.id });
    expect(anonymous.body.data.product).toBeNull();
    const search = await gateway.query(SEARCH, { query: 'Test Tee gamma' });
    expect(search.body.data.products.totalCount).toBe(0);
    const staffView = await gateway.query(`query ($id: ID!) { product(id: $id) { status } }`, { id: product.id }, manager);
    expect(staffView.body.data.product).toEqual({ status: 'ARCHIVED' });
    const unarchive = await gateway.query(
      `mutation ($input: ProductUnarchiveInput!) { productUnarchive(input: $input) { product { status } userErrors { code } } }`,
      { input: { id: product.id } },
      manager,
    );
    expect(unarchive.body.data.productUnarchive).toEqual({ product: { status: 'DRAFT' }, userErrors: [] });
  });

  const variant = (sku: string, options: string[], price = '10.00') => ({ sku, options, price });
  const sizes = { name: 'Size', values: ['S', 'M'] };
  const badInputs: [string, Record<string, unknown>, { field: string[] | null; code: string }][] = [
    ['a SKU listed twice', { variants: [variant('DUP-1', ['S']), variant('DUP-1', ['M'])], options: [sizes] }, { field: ['variants', '1', 'sku'], code: 'DUPLICATE_SKU' }],
    ['a SKU of another product', { variants: [variant('__EXISTING__', ['S'])], options: [sizes] }, { field: ['variants', '0', 'sku'], code: 'DUPLICATE_SKU' }],
    ['a malformed handle', { handle: 'Not A Handle' }, { field: ['handle'], code: 'INVALID_HANDLE' }],
    ['a handle in use', { handle: '__HANDLE__' }, { field: ['handle'], code: 'HANDLE_TAKEN' }],
    ['a negative price', { variants: [variant('NEG-1', ['S'], '-1.00')], options: [sizes] }, { field: ['variants', '0', 'price'], code: 'NEGATIVE_PRICE' }],
    ['an unknown category', { categoryIds: ['00000000-0000-4000-8000-000000000000'] }, { field: ['categoryIds', '0'], code: 'UNKNOWN_CATEGORY' }],
    [
      'more than 100 variants',
      { options: ['A', 'B', 'C'].map((name) => ({ name, values: ['1', '2', '3', '4', '5'] })) },
      { field: ['options'], code: 'TOO_MANY_VARIANTS' },
    ],
    [
      'more than 3 options',
      { options: ['A', 'B', 'C', 'D'].map((name) => ({ name, values: ['1'] })) },
      { field: ['options'], code: 'TOO_MANY_OPTIONS' },
    ],
    ['a variant off the options', { variants: [variant('OFF-1', ['XXL'])], options: [sizes] }, { field: ['variants', '0', 'options'], code: 'VARIANT_OPTIONS_MISMATCH' }],
    ['an unknown locale', { translations: [{ locale: 'fr', title: 'Bonjour' }] }, { field: ['translations', '0', 'locale'], code: 'INVALID_LOCALE' }],
    ['an SEO title too long', { seo: { title: 'x'.repeat(71) } }, { field: ['seo', 'title'], code: 'SEO_TOO_LONG' }],
    ['media that was never uploaded', { media: [{ url: '/media/nope.jpg', alt: 'x' }] }, { field: ['media', '0', 'url'], code: 'UNKNOWN_MEDIA' }],
  ];

  it.each(badInputs)('refuses %s with userErrors and writes nothing', async (_, fields, expected) => {
    const input = JSON.parse(
      JSON.stringify({ title: 'Refused product', brand: 'Never Created Brand', ...fields })
        .replace('__EXISTING__', existingSku)
        .replace('__HANDLE__', existingHandle),
    );
    const before = await catalogCounts(database);
    const { body } = await gateway.query(CREATE, { input }, manager);
    expect(body.errors).toBeUndefined();
    expect(body.data.productCreate.product).toBeNull();
    expect(body.data.productCreate.userErrors).toContainEqual(expect.objectContaining(expected));
    expect(await catalogCounts(database)).toEqual(before);
  });

  it('refuses a bad update and leaves the product as it was', async () => {
    const product = await createTee('delta');
    const before = await catalogCounts(database);
    const { body } = await gateway.query(
      UPDATE,
      { input: { id: product.id, title: 'Renamed', variants: [{ id: product.variants[0].id, price: '-5' }] } },
      manager,
    );
    expect(body.data.productUpdate.userErrors).toEqual([
      expect.objectContaining({ field: ['variants', '0', 'price'], code: 'NEGATIVE_PRICE' }),
    ]);
    expect(await catalogCounts(database)).toEqual(before);
    const after = await gateway.query(`query ($id: ID!) { product(id: $id) { title variants { id } } }`, { id: product.id }, manager);
    expect(after.body.data.product.title).toBe('Test Tee delta');
    expect(after.body.data.product.variants).toHaveLength(12);
  });

  it('reviews: only buyers may review; approved reviews count in the rating', async () => {
    const product = await createTee('epsilon');
    const create = `mutation ($input: ReviewCreateInput!) { reviewCreate(input: $input) { review { id status rating } userErrors { field code } } }`;
    const input = { productId: product.id, rating: 4, body: 'Soft and fits well.' };
    const refused = await gateway.query(create, { input }, customer);
    expect(refused.body.data.reviewCreate).toEqual({ review: null, userErrors: [{ field: ['productId'], code: 'NOT_PURCHASED' }] });

    const [member] = await database.db.execute<{ id: string }>(
      sql`select id from members.member where email = ${DEMO_CUSTOMER.email}`,
    );
    await recordPurchases(database.db, member!.id, [product.variants[3].id]);
    const created = await gateway.query(create, { input }, customer);
    expect(created.body.data.reviewCreate.userErrors).toEqual([]);
    expect(created.body.data.reviewCreate.review).toMatchObject({ status: 'PENDING', rating: 4 });
    const twice = await gateway.query(create, { input }, customer);
    expect(twice.body.data.reviewCreate.userErrors).toEqual([{ field: ['productId'], code: 'ALREADY_REVIEWED' }]);

    const rating = `query ($id: ID!) { product(id: $id) { rating { average count } reviews(first: 5) { totalCount } } }`;
    expect((await gateway.query(rating, { id: product.id })).body.data.product).toEqual({
      rating: { average: null, count: 0 },
      reviews: { totalCount: 0 },
    });
    const moderate = await gateway.query(
      `mutation ($input: ReviewModerateInput!) { reviewModerate(input: $input) { review { status } userErrors { code } } }`,
      { input: { id: created.body.data.reviewCreate.review.id, status: 'APPROVED' } },
      manager,
    );
    expect(moderate.body.data.reviewModerate).toEqual({ review: { status: 'APPROVED' }, userErrors: [] });
    expect((await gateway.query(rating, { id: product.id })).body.data.product).toEqual({
      rating: { average: '4.0', count: 1 },
      reviews: { totalCount: 1 },
    });
  });

  it('the category tree refuses a sixth level and cycles', async () => {
    const ids: string[] = [];
    for (let level = 1; level <= 5; level++) {
      const { body } = await gateway.query(CATEGORY_CREATE, { input: { name: `Level ${level} ${mode}`, parentId: ids.at(-1) ?? null } }, manager);
      expect(body.data.categoryCreate.userErrors).toEqual([]);
      expect(body.data.categoryCreate.category.depth).toBe(level);
      ids.push(body.data.categoryCreate.category.id);
    }
    const before = await catalogCounts(database);
    const tooDeep = await gateway.query(CATEGORY_CREATE, { input: { name: 'Level 6', parentId: ids[4] } }, manager);
    expect(tooDeep.body.data.categoryCreate.userErrors).toEqual([expect.objectContaining({ field: ['parentId'], code: 'CATEGORY_TOO_DEEP' })]);
    const cycle = await gateway.query(CATEGORY_MOVE, { input: { id: ids[1], parentId: ids[3] } }, manager);
    expect(cycle.body.data.categoryMove.userErrors).toEqual([expect.objectContaining({ field: ['parentId'], code: 'CATEGORY_CYCLE' })]);
    const other = await gateway.query(CATEGORY_CREATE, { input: { name: `Other root ${mode}` } }, manager);
    const deepMove = await gateway.query(CATEGORY_MOVE, { input: { id: ids[0], parentId: other.body.data.categoryCreate.category.id } }, manager);
    expect(deepMove.body.data.categoryMove.userErrors).toEqual([expect.objectContaining({ code: 'CATEGORY_TOO_DEEP' })]);
    expect((await catalogCounts(database)).categories).toBe(before.categories + 1);

    // A legal move re-roots the whole subtree.
    const moved = await gateway.query(CATEGORY_MOVE, { input: { id: ids[3], parentId: null } }, manager);
    expect(moved.body.data.categoryMove).toEqual({ category: { id: ids[3], depth: 1 }, userErrors: [] });
    const leaf = await gateway.query(`query ($id: ID!) { category(id: $id) { depth ancestors { id } } }`, { id: ids[4] });
    expect(leaf.body.data.category).toEqual({ depth: 2, ancestors: [{ id: ids[3] }] });
  });

  it('bulk archive needs a step-up confirmation', async () => {
    const product = await createTee('zeta');
    const bulk = `mutation ($input: ProductsBulkArchiveInput!) { productsBulkArchive(input: $input) { products { status } userErrors { code } } }`;
    const refused = await gateway.query(bulk, { input: { ids: [product.id] } }, owner);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('STEP_UP_REQUIRED');
    const { body } = await gateway.query(
      `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`,
      { input: { password: 'demo-owner-password' } },
      owner,
    );
    const confirmed = await gateway.query(bulk, { input: { ids: [product.id] } }, { ...owner, 'x-step-up': body.data.stepUpConfirm.stepUpToken });
    expect(confirmed.body.data.productsBulkArchive).toEqual({ products: [{ status: 'ARCHIVED' }], userErrors: [] });
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { ANONYMOUS, statementCounter } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { products } from '../src/index.js';
import { insertProduct } from './factories.js';
import { dataOf } from '../../../tests/kit/shape.js';

let database: TestDatabase;
let execute: ReturnType<typeof subgraphExecutor>;
let created: Awaited<ReturnType<typeof insertProduct>>[];

beforeAll(async () => {
  database = await createTestDatabase();
  execute = subgraphExecutor(products, database.db);
  created = [await insertProduct(database.db, {}, 3), await insertProduct(database.db, {}, 1)];
});
afterAll(() => database.close());

it('product(id) returns variants in position order with decimal-string prices', async () => {
  const { product, variants } = created[0]!;
  const result = await execute(`query ($id: ID!) { product(id: $id) { id handle status variants { sku price { amount currencyCode } } } }`, { id: product.id });
  expect(result.errors).toBeUndefined();
  expect(result.data!.product).toEqual({
    id: product.id,
    handle: product.handle,
    status: 'ACTIVE',
    variants: [
      { sku: variants[0]!.sku, price: { amount: '100.00', currencyCode: 'THB' } },
      { sku: variants[1]!.sku, price: { amount: '110.50', currencyCode: 'THB' } },
      { sku: variants[2]!.sku, price: { amount: '121.00', currencyCode: 'THB' } },
    ],
  });
});

it('product(id) is null for an unknown or malformed id', async () => {
  const result = await execute(`{ a: product(id: "00000000-0000-4000-8000-000000000000") { id } b: product(id: "nope") { id } }`);
  expect(result.data).toEqual({ a: null, b: null });
});

it('resolves Product and ProductVariant references through _entities in one query per type', async () => {
  const variantIds = created.flatMap((c) => c.variants.map((v) => v.id));
  const before = statementCounter.count;
  const result = await execute(
    `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ProductVariant { id sku product { id } } } }`,
    { reps: variantIds.map((id) => ({ __typename: 'ProductVariant', id })) },
  );
  expect(result.errors).toBeUndefined();
  expect(dataOf<{ _entities: { id: string }[] }>(result)._entities.map((e) => e.id)).toEqual(variantIds);
  // One statement for the variants, one for their products.
  expect(statementCounter.count - before).toBe(2);
});

it('storefront callers see only active products, in lists and by id', async () => {
  const draft = await insertProduct(database.db, { status: 'DRAFT' });
  const shopper = subgraphExecutor(products, database.db, ANONYMOUS);
  const list = await shopper(`{ products(first: 100, filter: { status: [DRAFT] }) { totalCount } }`);
  expect(dataOf<{ products: { totalCount: number } }>(list).products.totalCount).toBe(0);
  const byId = await shopper(`query ($id: ID!) { product(id: $id) { id } }`, { id: draft.product.id });
  expect(byId.data!.product).toBeNull();
  const operator = await execute(`query ($id: ID!) { product(id: $id) { status } }`, { id: draft.product.id });
  expect(operator.data!.product).toEqual({ status: 'DRAFT' });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { listProducts } from '../src/service.js';
import { insertProduct } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await insertProduct(database.db, { title: 'ข้าวหอมมะลิ ออร์แกนิก' });
  await insertProduct(database.db, { title: '经典 真丝围巾' });
  await insertProduct(database.db, { title: 'شاي أخضر فاخر', status: 'DRAFT' });
  for (let i = 0; i < 7; i += 1) await insertProduct(database.db, { title: `Cotton T-Shirt ${i}` });
});
afterAll(() => database.close());

const titles = async (args: Parameters<typeof listProducts>[1]) =>
  (await listProducts(database.db, args)).edges.map((e) => e.node.title);

describe('listProducts', () => {
  it('finds products by a Thai, a Chinese and an Arabic substring (no word boundaries needed)', async () => {
    expect(await titles({ filter: { query: 'หอมมะลิ' } })).toEqual(['ข้าวหอมมะลิ ออร์แกนิก']);
    expect(await titles({ filter: { query: '丝围' } })).toEqual(['经典 真丝围巾']);
    expect(await titles({ filter: { query: 'أخضر' } })).toEqual(['شاي أخضر فاخر']);
  });

  it('treats % and _ in the search text literally', async () => {
    expect(await titles({ filter: { query: '%' } })).toEqual([]);
  });

  it('filters by status and counts only what matches', async () => {
    const drafts = await listProducts(database.db, { filter: { status: ['DRAFT'] } });
    expect(drafts.edges.map((e) => e.node.title)).toEqual(['شاي أخضر فاخر']);
    expect(await drafts.totalCount()).toBe(1);
  });

  it('pages forward and back over the newest-first order without gaps or repeats', async () => {
    const all = await titles({ first: 100 });
    expect(all).toHaveLength(10);
    const first = await listProducts(database.db, { first: 4 });
    const second = await listProducts(database.db, { first: 4, after: first.pageInfo.endCursor });
    expect([...first.edges, ...second.edges].map((e) => e.node.title)).toEqual(all.slice(0, 8));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const back = await listProducts(database.db, { last: 4, before: second.pageInfo.startCursor });
    expect(back.edges.map((e) => e.node.title)).toEqual(all.slice(0, 4));
    expect(back.pageInfo.hasPreviousPage).toBe(false);
  });

  it('sorts by title and reverses', async () => {
    const byTitle = await titles({ first: 3, sortKey: 'TITLE' });
    expect(byTitle).toEqual(['Cotton T-Shirt 0', 'Cotton T-Shirt 1', 'Cotton T-Shirt 2']);
    const reversed = await titles({ first: 1, sortKey: 'TITLE', reverse: true });
    expect(reversed).toEqual(['经典 真丝围巾']);
  });

  it('refuses a page larger than 100 with BAD_USER_INPUT', async () => {
    await expect(listProducts(database.db, { first: 101 })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

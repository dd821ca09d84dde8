import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { addToWishlist, removeFromWishlist, WISHLIST_MAX_ITEMS, wishlistOf } from '../src/wishlist/index.js';
import { wishlistItem } from '../src/wishlist/tables.js';
import { insertMembers, makeMember } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const add = (memberId: string, productId: string) => mutate(database.db, (tx, changes) => addToWishlist(tx, memberId, productId, changes));
const remove = (memberId: string, productId: string) => mutate(database.db, (tx, changes) => removeFromWishlist(tx, memberId, productId, changes));
const newMember = async () => (await insertMembers(database.db, [makeMember()]))[0]!.id;

describe('wishlist', () => {
  test('adding a product twice, also at once, keeps one item with its first date', async () => {
    const memberId = await newMember();
    const productId = randomUUID();
    const first = await add(memberId, productId);
    const again = await Promise.all(Array.from({ length: 5 }, () => add(memberId, productId)));
    for (const result of again) expect(result).toMatchObject({ ok: true, value: { id: first.ok && first.value.id } });
    expect(await database.db.$count(wishlistItem, eq(wishlistItem.memberId, memberId))).toBe(1);
  });

  test(`a wishlist holds at most ${WISHLIST_MAX_ITEMS} products (WISHLIST_FULL), but one already on it may be added again`, async () => {
    const memberId = await newMember();
    const productIds = Array.from({ length: WISHLIST_MAX_ITEMS }, () => randomUUID());
    await database.db.insert(wishlistItem).values(productIds.map((productId) => ({ memberId, productId })));
    expect(await add(memberId, randomUUID())).toMatchObject({ ok: false, errors: [{ code: 'WISHLIST_FULL', field: ['input', 'productId'] }] });
    expect(await add(memberId, productIds[0]!)).toMatchObject({ ok: true });
    expect(await remove(memberId, productIds[0]!)).toEqual({ ok: true, value: true });
    expect(await add(memberId, randomUUID())).toMatchObject({ ok: true });
  });

  test('removing a product not on the wishlist is no mistake; a malformed id answers PRODUCT_NOT_FOUND on add', async () => {
    const memberId = await newMember();
    expect(await remove(memberId, randomUUID())).toEqual({ ok: true, value: false });
    expect(await add(memberId, 'not-an-id')).toMatchObject({ ok: false, errors: [{ code: 'PRODUCT_NOT_FOUND' }] });
  });

  test('reads newest first, page by page, with the total, and only the member’s own items', async () => {
    const [memberId, other] = [await newMember(), await newMember()];
    const productIds = Array.from({ length: 5 }, () => randomUUID());
    for (const productId of productIds) await add(memberId, productId);
    await add(other, randomUUID());
    const page1 = await wishlistOf(database.db, memberId, { first: 3 });
    const page2 = await wishlistOf(database.db, memberId, { first: 3, after: page1.pageInfo.endCursor });
    expect([...page1.edges, ...page2.edges].map((e) => e.node.productId)).toEqual([...productIds].reverse());
    expect(await page1.totalCount()).toBe(5);
  });
});

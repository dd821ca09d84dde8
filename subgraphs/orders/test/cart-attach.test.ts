import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { CART_ATTACH_TASK } from '../src/cart/index.js';
import { cart, cartLine } from '../src/cart/tables.js';
import { orders } from '../src/index.js';

const attach = orders.tasks[CART_ATTACH_TASK]!;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

type Channel = 'ONLINE_STORE' | 'MOBILE_APP';

/** A cart with lines given as [variantId, quantity]. */
async function makeCart(memberId: string | null, lines: Array<[string, number]>, channel: Channel = 'ONLINE_STORE') {
  const [row] = await database.db.insert(cart).values({ memberId, channel, currencyCode: 'THB' }).returning();
  if (lines.length) {
    await database.db.insert(cartLine).values(lines.map(([variantId, quantity], position) => ({ cartId: row!.id, variantId, quantity, position })));
  }
  return row!.id;
}

const cartRow = async (id: string) => (await database.db.select().from(cart).where(eq(cart.id, id)))[0]!;
const linesOf = async (id: string) =>
  (await database.db.select().from(cartLine).where(eq(cartLine.cartId, id)).orderBy(asc(cartLine.position))).map((l) => [l.variantId, l.quantity]);

describe('orders.cartAttachToMember', () => {
  test('a guest cart becomes the member’s when they have no open cart on its channel; running it again changes nothing', async () => {
    const memberId = randomUUID();
    await makeCart(memberId, [[randomUUID(), 1]], 'MOBILE_APP');
    const guest = await makeCart(null, [[randomUUID(), 2]]);
    await attach({ cartId: guest, memberId }, database.db);
    await attach({ cartId: guest, memberId }, database.db);
    expect(await cartRow(guest)).toMatchObject({ memberId, mergedIntoId: null });
    expect(await linesOf(guest)).toHaveLength(1);
  });

  test('guest lines merge into the member’s open cart on the same channel (quantities add) and the guest cart closes', async () => {
    const memberId = randomUUID();
    const [shared, own, guestOnly] = [randomUUID(), randomUUID(), randomUUID()];
    const target = await makeCart(memberId, [[shared, 2], [own, 1]]);
    const guest = await makeCart(null, [[guestOnly, 4], [shared, 3]]);
    await attach({ cartId: guest, memberId }, database.db);
    await attach({ cartId: guest, memberId }, database.db);
    expect(await linesOf(target)).toEqual([[shared, 5], [own, 1], [guestOnly, 4]]);
    expect(await cartRow(guest)).toMatchObject({ memberId, mergedIntoId: target });
    expect(await linesOf(guest)).toEqual([]);
  });

  test('a cart owned by another customer, or already an order, is never taken', async () => {
    const owner = randomUUID();
    const owned = await makeCart(owner, [[randomUUID(), 1]]);
    const ordered = await makeCart(null, [[randomUUID(), 1]]);
    await database.db.update(cart).set({ orderId: randomUUID() }).where(eq(cart.id, ordered));
    const thief = randomUUID();
    await attach({ cartId: owned, memberId: thief }, database.db);
    await attach({ cartId: ordered, memberId: thief }, database.db);
    expect((await cartRow(owned)).memberId).toBe(owner);
    expect((await cartRow(ordered)).memberId).toBeNull();
  });

  test('two members naming one guest cart at once: exactly one gets it', async () => {
    const guest = await makeCart(null, [[randomUUID(), 1]]);
    const [a, b] = [randomUUID(), randomUUID()];
    await Promise.all([attach({ cartId: guest, memberId: a }, database.db), attach({ cartId: guest, memberId: b }, database.db)]);
    expect([a, b]).toContain((await cartRow(guest)).memberId);
  });
});

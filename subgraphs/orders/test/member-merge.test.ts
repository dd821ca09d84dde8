import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { memberMerged } from '../src/member-merge/index.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function orderOf(memberId: string): Promise<string> {
  const id = randomUUID();
  await database.db.execute(sql`insert into orders."order" (id, number, member_id, channel, total_minor, currency_code)
    values (${id}, ${`MM-${id.slice(0, 8)}`}, ${memberId}, 'ONLINE_STORE', 100, 'THB')`);
  return id;
}

const ownerOf = async (orderId: string) =>
  (await database.db.execute<{ member_id: string }>(sql`select member_id from orders."order" where id = ${orderId}`))[0]!.member_id;

describe('orders.memberMerged', () => {
  it('moves every order of the merged member to the one that stays, and a second run changes nothing', async () => {
    const [source, target, bystander] = [randomUUID(), randomUUID(), randomUUID()];
    const moved = [await orderOf(source), await orderOf(source)];
    const untouched = await orderOf(bystander);
    await memberMerged({ sourceId: source, targetId: target }, database.db);
    await memberMerged({ sourceId: source, targetId: target }, database.db);
    for (const id of moved) expect(await ownerOf(id)).toBe(target);
    expect(await ownerOf(untouched)).toBe(bystander);
  });
});

import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { earnPointsForOrder, verifyLoyaltyLedgers } from '@shop/members/commands';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';
import { RetryStats, sendUntilAnswered } from '../kit/retrying-client.js';

// The point here is contention, not the caller's rate budget (tests/graph/limits.test.ts covers that).
vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '10000000';
});

const ADJUST = `mutation ($input: MemberPointsAdjustInput!) {
  memberPointsAdjust(input: $input) { balance entry { delta reason note actorId } userErrors { code field message } }
}`;

interface AdjustPayload {
  balance: number | null;
  entry: { delta: number; reason: string; note: string | null; actorId: string | null } | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
}

let database: TestDatabase;
let gateway: TestGateway;
let service: Record<string, string>;
let steppedUp: Record<string, string>;

async function stepUp(headers: Record<string, string>, password: string) {
  const { body } = await gateway.query(`mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`, { input: { password } }, headers);
  return { ...headers, 'x-step-up': body.data.stepUpConfirm.stepUpToken as string };
}

/** A new member whose ledger is one manual entry of `points`, made through the API. */
async function memberWith(points: number): Promise<string> {
  const [row] = await database.db.execute<{ id: string }>(sql`
    insert into members.member (display_name, email) values ('Points test', ${`points-${randomUUID()}@example.test`}) returning id`);
  const memberId = row!.id;
  const { body } = await gateway.query(ADJUST, { input: { memberId, delta: points, reason: 'test balance' } }, steppedUp);
  expect(body.data.memberPointsAdjust.balance).toBe(points);
  return memberId;
}

async function pointsOf(memberId: string): Promise<number> {
  const { body } = await gateway.query(`query ($id: ID!) { member(id: $id) { points } }`, { id: memberId }, service);
  return body.data.member.points as number;
}

/** Keeps both cores busy while `run` goes: the invariant must not depend on an idle machine. */
async function withBusyCores<T>(run: () => Promise<T>): Promise<T> {
  const spin = `const end = Date.now() + 120000; while (Date.now() < end) { Math.sqrt(Math.random()); }`;
  const workers = [new Worker(spin, { eval: true }), new Worker(spin, { eval: true })];
  try {
    return await run();
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  gateway = await startTestGateway('distributed', database.db);
  service = { authorization: `Bearer ${await staffLogin(gateway, 'customer_service@shop.test', 'demo-customer_service-password')}` };
  steppedUp = await stepUp(service, 'demo-customer_service-password');
}, 300_000);

afterAll(async () => {
  await gateway?.stop();
  await database?.close();
});

describe('points through the gateway (distributed)', () => {
  it('100 concurrent redemptions of 7 against 300 points with both cores busy: never below zero, balance = ledger, successes × 7 = start − end', async () => {
    const memberId = await memberWith(300);
    const stats = new RetryStats();
    const payloads = await withBusyCores(() =>
      Promise.all(
        Array.from({ length: 100 }, async () => {
          // OVERLOADED answers ran nothing and are sent again; an unknown outcome would make the count below unsound.
          const { status, body } = await sendUntilAnswered<{ memberPointsAdjust: AdjustPayload }>(
            gateway.url, ADJUST, { input: { memberId, delta: -7, reason: 'redemption under load' } }, stats, { headers: steppedUp },
          );
          if (status !== 200 || body.errors || !body.data) throw new Error(`not an answer: ${status} ${JSON.stringify(body)}`);
          return body.data.memberPointsAdjust;
        }),
      ),
    );
    const succeeded = payloads.filter((p) => p.entry).length;
    const refused = payloads.filter((p) => p.userErrors.length);
    expect(stats.outcomeUnknown).toBe(0);
    expect(succeeded + refused.length).toBe(100);
    expect(refused.every((p) => p.userErrors[0]!.code === 'INSUFFICIENT_POINTS')).toBe(true);
    expect(succeeded).toBe(Math.floor(300 / 7));
    expect(payloads.every((p) => p.balance === null || p.balance >= 0)).toBe(true);
    const end = await pointsOf(memberId);
    expect(succeeded * 7).toBe(300 - end);
    const [sum] = await database.db.execute<{ total: number }>(sql`select sum(delta)::int as total from members.points_entry where member_id = ${memberId}`);
    expect(sum!.total).toBe(end);
    expect((await verifyLoyaltyLedgers(database.db)).mismatches).toEqual([]);
  }, 180_000);

  it('completing the same order twice, and 20 times at once, earns once', async () => {
    const memberId = await memberWith(1);
    const orderId = randomUUID();
    const earn = async () => database.db.transaction((tx) => earnPointsForOrder(tx, { memberId, orderId, amountMinor: 100_000n, currency: 'THB' }));
    await earn();
    await earn();
    const concurrent = await Promise.all(Array.from({ length: 20 }, earn));
    expect(concurrent.every((r) => r.ok && !r.value.created)).toBe(true);
    const other = randomUUID();
    const racing = await Promise.all(
      Array.from({ length: 20 }, () => database.db.transaction((tx) => earnPointsForOrder(tx, { memberId, orderId: other, amountMinor: 100_000n, currency: 'THB' }))),
    );
    expect(racing.filter((r) => r.ok && r.value.created)).toHaveLength(1);
    expect(await pointsOf(memberId)).toBe(1 + 40 + 40);
  });

  it('a manual adjustment needs members:write, a step-up and a reason, and is audited with who made it', async () => {
    const memberId = await memberWith(5);
    const marketing = { authorization: `Bearer ${await staffLogin(gateway, 'marketing@shop.test', 'demo-marketing-password')}` };
    const input = { memberId, delta: 10, reason: 'goodwill after a late delivery' };

    const noScope = await gateway.query(ADJUST, { input }, marketing);
    expect(noScope.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const noStepUp = await gateway.query(ADJUST, { input }, service);
    expect(noStepUp.body.errors[0].extensions.code).toBe('STEP_UP_REQUIRED');
    const noReason = await gateway.query(ADJUST, { input: { ...input, reason: ' ' } }, steppedUp);
    expect(noReason.body.data.memberPointsAdjust.userErrors).toEqual([{ code: 'REASON_REQUIRED', field: ['input', 'reason'], message: 'Give a reason of 1 to 500 characters.' }]);

    const done = await gateway.query(ADJUST, { input }, steppedUp);
    expect(done.body.data.memberPointsAdjust).toMatchObject({ balance: 15, entry: { delta: 10, reason: 'MANUAL', note: input.reason }, userErrors: [] });
    expect(done.body.data.memberPointsAdjust.entry.actorId).toMatch(/^[0-9a-f-]{36}$/);
    const [audit] = await database.db.execute<{ outcome: string; root_fields: string[] }>(sql`
      select outcome, root_fields from access.audit_log where root_fields @> array['memberPointsAdjust'] order by id desc limit 1`);
    expect(audit).toMatchObject({ root_fields: ['memberPointsAdjust'] });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '@shop/gateway/seed/index';
import { startWorker } from '@shop/kit/jobs';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { sellableVariants, uniqueAddress } from '../../subgraphs/orders/test/checkout-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';

// Polling the segment while the worker runs: the point is membership, not the caller's rate budget.
vi.hoisted(() => {
  process.env.COST_BUCKET_CAPACITY = '100000000';
});

const CREATE = `mutation ($input: SegmentCreateInput!) {
  segmentCreate(input: $input) { segment { id name size refreshedAt rules { groups { rules { kind withinDays minOrders tag } } } } userErrors { field code message } }
}`;
const SEGMENT = `query ($id: ID!, $memberId: ID!) {
  segment(id: $id) { size refreshedAt members(first: 10) { totalCount edges { node { id } } } }
  member(id: $memberId) { segments { id name } }
}`;
const PREVIEW = `query ($rules: SegmentRulesInput!) {
  segmentPreview(rules: $rules) { count sample { id displayName maskedEmail email } userErrors { field code } }
}`;
const ORDER_CREATE = `mutation ($input: OrderCreateInput!) { orderCreate(input: $input) { order { id } userErrors { code message } } }`;
const ORDER_CANCEL = `mutation ($input: OrderCancelInput!) { orderCancel(input: $input) { userErrors { code message } } }`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let database: TestDatabase;
let worker: Awaited<ReturnType<typeof startWorker>>;
let variantId: string;

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  // The demo's own order facts are not what this file is about; the worker starts with an empty queue.
  await database.db.execute(sql`delete from graphile_worker._private_jobs`);
  worker = await startWorker(database.url, database.db, SUBGRAPHS, { pollInterval: 100 });
  const [variant] = await sellableVariants(database.db, 1);
  variantId = variant!.id;
}, 300_000);

afterAll(async () => {
  await worker?.stop();
  await database?.close();
});

describe.each(['in-process', 'distributed'] as const)('segments through the gateway (%s)', (mode) => {
  let gateway: TestGateway;
  let owner: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway(mode, database.db);
    owner = bearer(await staffLogin(gateway, 'owner@shop.test', 'demo-owner-password'));
  }, 120_000);
  afterAll(() => gateway?.stop());

  /** Asks until `check` holds for the answer (the worker refreshes in the background), or fails after 30 s. */
  async function until<T>(query: string, variables: Record<string, unknown>, check: (data: T) => boolean): Promise<T> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { body } = await gateway.query<T>(query, variables, owner);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      if (check(body.data!) || Date.now() > deadline) return body.data!;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('membership follows orders: placing an order moves the member in, cancelling it moves them out', async () => {
    const tag = `segment-${mode}-${randomUUID().slice(0, 8)}`;
    const created = await gateway.query(
      `mutation ($input: MemberCreateInput!) { memberCreate(input: $input) { member { id } userErrors { code } } }`,
      { input: { profile: { displayName: 'Segment test', email: `${tag}@example.test` }, tags: [tag] } },
      owner,
    );
    const memberId = created.body.data.memberCreate.member.id as string;
    const rules = { groups: [{ rules: [{ kind: 'ORDERS_COUNT', minOrders: 1, withinDays: 30 }, { kind: 'TAG', tag }] }] };

    const { body } = await gateway.query(CREATE, { input: { name: `Recent buyers ${tag}`, rules } }, owner);
    expect(body.data.segmentCreate.userErrors).toEqual([]);
    const segment = body.data.segmentCreate.segment;
    expect(segment.rules.groups[0].rules).toEqual([
      { kind: 'ORDERS_COUNT', withinDays: 30, minOrders: 1, tag: null },
      { kind: 'TAG', withinDays: null, minOrders: null, tag },
    ]);
    const variables = { id: segment.id, memberId };
    type Answer = { segment: { size: number; refreshedAt: string | null; members: { totalCount: number; edges: { node: { id: string } }[] } }; member: { segments: { id: string }[] } };
    // The first refresh runs as a job: until then the size is 0 and refreshedAt null.
    const first = await until<Answer>(SEGMENT, variables, (d) => d.segment.refreshedAt !== null);
    expect(first.segment).toMatchObject({ size: 0, members: { totalCount: 0 } });

    const placed = await gateway.query(ORDER_CREATE, { input: { channel: 'MOBILE_APP', memberId, lines: [{ variantId, quantity: 1 }], address: uniqueAddress() } }, owner);
    const orderId = placed.body.data.orderCreate.order.id as string;
    const inside = await until<Answer>(SEGMENT, variables, (d) => d.segment.size === 1);
    expect(inside.segment.members.edges.map((e) => e.node.id)).toEqual([memberId]);
    expect(inside.member.segments.map((s) => s.id)).toEqual([segment.id]);
    // The preview selects what the refresh materialised (the fact had arrived by the time the member was in).
    expect((await gateway.query(PREVIEW, { rules }, owner)).body.data.segmentPreview).toMatchObject({ count: 1, sample: [{ id: memberId }], userErrors: [] });

    const cancelled = await gateway.query(ORDER_CANCEL, { input: { id: orderId, reason: 'segment test' } }, owner);
    expect(cancelled.body.data.orderCancel.userErrors).toEqual([]);
    const outside = await until<Answer>(SEGMENT, variables, (d) => d.segment.size === 0);
    expect(outside.segment.members.totalCount).toBe(0);
    expect(outside.member.segments).toEqual([]);
  }, 120_000);

  it('rules with mistakes are userErrors at their path, in the preview and on create', async () => {
    const bad = { groups: [{ rules: [{ kind: 'LAST_ORDER_BEFORE' }] }] };
    const preview = await gateway.query(PREVIEW, { rules: bad }, owner);
    expect(preview.body.data.segmentPreview).toEqual({ count: null, sample: null, userErrors: [{ field: ['rules', 'groups', '0', 'rules', '0', 'days'], code: 'INVALID_RULE' }] });
    const create = await gateway.query(CREATE, { input: { name: 'Lapsed', rules: bad } }, owner);
    expect(create.body.data.segmentCreate).toMatchObject({ segment: null, userErrors: [{ field: ['input', 'rules', 'groups', '0', 'rules', '0', 'days'], code: 'INVALID_RULE' }] });
  });

  it('a caller without members:read is refused every segment read; without members:write every write', async () => {
    const clerk = bearer(await staffLogin(gateway, 'inventory_clerk@shop.test', 'demo-inventory_clerk-password'));
    const rules = { groups: [{ rules: [{ kind: 'TAG', tag: 'vip' }] }] };
    for (const [query, variables] of [
      [PREVIEW, { rules }],
      [`{ segments(first: 5) { totalCount } }`, {}],
      [`query ($id: ID!) { segment(id: $id) { name } }`, { id: randomUUID() }],
    ] as const) {
      const { body } = await gateway.query(query, variables, clerk);
      expect(body.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
      expect(Object.values(body.data ?? {}).every((v) => v === null)).toBe(true);
    }
    const marketing = bearer(await staffLogin(gateway, 'marketing@shop.test', 'demo-marketing-password'));
    const read = await gateway.query(`{ segments(first: 5) { totalCount } }`, {}, marketing);
    expect(read.body.errors).toBeUndefined();
    const write = await gateway.query(CREATE, { input: { name: 'Not allowed', rules } }, marketing);
    expect(write.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // The preview's sample keeps the contact rule: marketing (no members:read_pii) sees the masked email only.
    const sample = await gateway.query(PREVIEW, { rules: { groups: [{ rules: [{ kind: 'ORDERS_COUNT', minOrders: 0 }] }] } }, marketing);
    const first = sample.body.data.segmentPreview.sample[0];
    expect(first.email).toBeNull();
    expect(first.maskedEmail).toMatch(/\*\*\*@/);
    expect(sample.body.errors.every((e: { extensions: { code: string } }) => e.extensions.code === 'FORBIDDEN')).toBe(true);
  });
});

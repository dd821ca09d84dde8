import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { isMemberInSegment, segmentIdByName, segmentMemberIds } from '../src/commands.js';
import { members } from '../src/index.js';
import { setMemberTags } from '../src/service.js';
import type { SegmentRuleInput, SegmentRulesInput } from '../src/segments/rules.js';
import { archiveSegment, createSegment, previewSegment, refreshSegment, updateSegment } from '../src/segments/service.js';
import { segmentMember } from '../src/segments/tables.js';
import type { OrderFactPayload } from '../src/statistics/service.js';
import { insertMembers, makeMember } from './factories.js';

let database: TestDatabase;

/** Every rule is evaluated at this instant, so windows do not drift while the tests run. */
const NOW = new Date('2026-11-15T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

const orderFact = (memberId: string, overrides: Partial<OrderFactPayload> = {}): OrderFactPayload => ({
  orderId: randomUUID(),
  memberId,
  status: 'PAID',
  placedAt: daysAgo(1),
  updatedAt: daysAgo(1),
  totalMinor: '10000',
  currencyCode: 'THB',
  channel: 'ONLINE_STORE',
  countryCode: 'TH',
  couponUsed: false,
  productIds: [],
  ...overrides,
});

/** Runs the order-fact task as the worker would (with the segment refresh it queues). */
const record = (fact: OrderFactPayload) => members.tasks['members.orderFact']!(JSON.parse(JSON.stringify(fact)), database.db);

const one = (rule: SegmentRuleInput): SegmentRulesInput => ({ groups: [{ rules: [rule] }] });

/** Saves a segment with these rules, refreshes it at NOW and answers its members and preview. */
async function materialise(rules: SegmentRulesInput) {
  const created = await mutate(database.db, (tx, changes) => createSegment(tx, { name: `Segment ${randomUUID()}`, rules }, changes));
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const outcome = await refreshSegment(database.db, created.value.id, NOW);
  const rows = await database.db.select({ id: segmentMember.memberId }).from(segmentMember).where(eq(segmentMember.segmentId, created.value.id));
  const preview = await previewSegment(database.db, rules, NOW);
  if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
  return { id: created.value.id, outcome: outcome!, ids: rows.map((r) => r.id).sort(), preview: preview.value };
}

async function addAddress(memberId: string, country: string, isDefault: boolean) {
  await database.db.execute(sql`insert into members.customer_address (member_id, name, line1, city, country, is_default)
    values (${memberId}, 'Recipient', '1 Road', 'City', ${country}, ${isDefault})`);
}

async function grant(memberId: string, channel: string, granted: boolean) {
  await database.db.execute(sql`insert into members.member_consent (member_id, channel, granted) values (${memberId}, ${channel}, ${granted})`);
}

const pending = (task: string) =>
  database.db.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker.jobs where task_identifier = ${task}`).then((r) => r[0]!.n);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('each rule kind selects exactly its members, and the preview counts what the refresh materialises', () => {
  const ids: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', string> = { a: '', b: '', c: '', d: '', e: '', f: '' };

  beforeAll(async () => {
    const rows = await insertMembers(database.db, [
      makeMember({ tier: 'GOLD', tags: ['vip'], acquisitionChannel: 'ONLINE_STORE', birthday: '1990-03-10' }),
      makeMember({ tier: 'SILVER', acquisitionChannel: 'MOBILE_APP', birthday: '1985-12-01' }),
      makeMember({ tier: 'BRONZE', tags: ['vip', 'wholesale'], acquisitionChannel: 'POINT_OF_SALE' }),
      // Disabled: matches most rules, is in no segment.
      makeMember({ tier: 'GOLD', tags: ['vip'], acquisitionChannel: 'ONLINE_STORE', birthday: '1990-03-01', disabledAt: new Date() }),
      makeMember({ tier: 'PLATINUM', acquisitionChannel: 'ONLINE_STORE', birthday: '2000-03-31' }),
    ]);
    [ids.a, ids.b, ids.c, ids.d, ids.e] = rows.map((r) => r.id);
    // Merged away into a: no longer anyone, in no segment.
    const [merged] = await insertMembers(database.db, [makeMember({ tier: 'GOLD', tags: ['vip'], mergedIntoId: ids.a })]);
    ids.f = merged!.id;

    await record(orderFact(ids.a, { totalMinor: '500000', placedAt: daysAgo(10), updatedAt: daysAgo(10), couponUsed: true }));
    await record(orderFact(ids.a, { totalMinor: '10000', placedAt: daysAgo(200), updatedAt: daysAgo(200) }));
    await record(orderFact(ids.b, { totalMinor: '300000', status: 'CANCELLED', placedAt: daysAgo(5), updatedAt: daysAgo(5), couponUsed: true }));
    await record(orderFact(ids.b, { totalMinor: '100000', status: 'COMPLETED', placedAt: daysAgo(100), updatedAt: daysAgo(90) }));
    await record(orderFact(ids.e, { totalMinor: '100000', currencyCode: 'USD', placedAt: daysAgo(3), updatedAt: daysAgo(3) }));
    await record(orderFact(ids.e, { totalMinor: '20000', placedAt: daysAgo(400), updatedAt: daysAgo(400) }));
    await record(orderFact(ids.d, { totalMinor: '900000', placedAt: daysAgo(2), updatedAt: daysAgo(2), couponUsed: true }));

    await addAddress(ids.a, 'TH', true);
    await addAddress(ids.b, 'SG', true);
    await addAddress(ids.b, 'TH', false);
    await addAddress(ids.e, 'TH', true);
    await addAddress(ids.d, 'TH', true);
    await grant(ids.a, 'EMAIL', true);
    await grant(ids.b, 'EMAIL', false);
    await grant(ids.b, 'SMS', true);
    await grant(ids.d, 'EMAIL', true);
  });

  const cases: [string, () => SegmentRulesInput, (keyof typeof ids)[]][] = [
    ['SPENT at least 1,000.00 THB within 30 days (a cancelled order counts for nothing)', () => one({ kind: 'SPENT', amount: '1000.00', currencyCode: 'THB', withinDays: 30 }), ['a']],
    ['SPENT at least 1,000.00 THB within 120 days (exactly the amount is enough)', () => one({ kind: 'SPENT', amount: '1000', currencyCode: 'THB', withinDays: 120 }), ['a', 'b']],
    ['SPENT in another currency adds up that currency only', () => one({ kind: 'SPENT', amount: '1000', currencyCode: 'USD', withinDays: 30 }), ['e']],
    ['ORDERS_COUNT at least 2, in any currency', () => one({ kind: 'ORDERS_COUNT', minOrders: 2 }), ['a', 'e']],
    ['ORDERS_COUNT exactly 0: members who never ordered', () => one({ kind: 'ORDERS_COUNT', minOrders: 0, maxOrders: 0 }), ['c']],
    ['ORDERS_COUNT at least 1 within 30 days', () => one({ kind: 'ORDERS_COUNT', minOrders: 1, withinDays: 30 }), ['a', 'e']],
    ['LAST_ORDER_BEFORE 60 days: lapsed buyers only, never-buyers are not lapsed', () => one({ kind: 'LAST_ORDER_BEFORE', days: 60 }), ['b']],
    ['LAST_ORDER_WITHIN 7 days', () => one({ kind: 'LAST_ORDER_WITHIN', days: 7 }), ['e']],
    ['TIER gold or platinum', () => one({ kind: 'TIER', tiers: ['GOLD', 'PLATINUM'] }), ['a', 'e']],
    ['TAG vip', () => one({ kind: 'TAG', tag: 'vip' }), ['a', 'c']],
    ['ACQUISITION_CHANNEL online store', () => one({ kind: 'ACQUISITION_CHANNEL', channels: ['ONLINE_STORE'] }), ['a', 'e']],
    ['REGION TH: the default address only', () => one({ kind: 'REGION', countryCodes: ['th'] }), ['a', 'e']],
    ['REGION SG', () => one({ kind: 'REGION', countryCodes: ['SG'] }), ['b']],
    ['BIRTHDAY_MONTH March', () => one({ kind: 'BIRTHDAY_MONTH', month: 3 }), ['a', 'e']],
    ['CONSENT email granted (a revoked one is not consent)', () => one({ kind: 'CONSENT', consentChannel: 'EMAIL' }), ['a']],
    ['COUPON_USED on a counted order', () => one({ kind: 'COUPON_USED' }), ['a']],
    ['rules of a group hold together (AND)', () => ({ groups: [{ rules: [{ kind: 'TIER', tiers: ['GOLD', 'PLATINUM'] }, { kind: 'TAG', tag: 'vip' }] }] }), ['a']],
    ['groups add up (OR)', () => ({ groups: [{ rules: [{ kind: 'TAG', tag: 'wholesale' }] }, { rules: [{ kind: 'LAST_ORDER_WITHIN', days: 7 }] }] }), ['c', 'e']],
  ];

  test.each(cases)('%s', async (_, rules, expected) => {
    const result = await materialise(rules());
    expect(result.ids).toEqual(expected.map((k) => ids[k]).sort());
    expect(result.outcome.size).toBe(expected.length);
    expect(result.preview.count).toBe(expected.length);
    expect(result.preview.sample.map((m) => m.id).sort()).toEqual(expected.map((k) => ids[k]).sort());
  });
});

describe('rules are checked before anything runs', () => {
  test('a rule without its parameters is INVALID_RULE at the parameter, every mistake at once', async () => {
    const result = await previewSegment(database.db, {
      groups: [{ rules: [{ kind: 'SPENT', amount: '100' }, { kind: 'BIRTHDAY_MONTH', month: 13 }, { kind: 'ORDERS_COUNT', minOrders: 3, maxOrders: 1 }] }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.field!.join('.')])).toEqual([
      ['INVALID_RULE', 'rules.groups.0.rules.0.withinDays'],
      ['UNSUPPORTED_CURRENCY', 'rules.groups.0.rules.0.currencyCode'],
      ['INVALID_RULE', 'rules.groups.0.rules.1.month'],
      ['INVALID_RULE', 'rules.groups.0.rules.2.maxOrders'],
    ]);
    expect(result.errors[2]!.message).toBe('This rule needs a month from 1 to 12.');
  });

  test('an empty group is NO_RULES; a segment name is unique among active segments whatever its case', async () => {
    const empty = await previewSegment(database.db, { groups: [{ rules: [] }] });
    expect(!empty.ok && empty.errors[0]!.code).toBe('NO_RULES');
    const rules = one({ kind: 'TAG', tag: 'vip' });
    const first = await mutate(database.db, (tx, changes) => createSegment(tx, { name: 'Win-back', rules }, changes));
    expect(first.ok).toBe(true);
    const again = await mutate(database.db, (tx, changes) => createSegment(tx, { name: ' win-BACK ', rules }, changes));
    expect(!again.ok && again.errors).toMatchObject([{ code: 'NAME_TAKEN', field: ['input', 'name'] }]);
    expect(await segmentIdByName(database.db, 'WIN-BACK')).toBe(first.ok && first.value.id);
  });
});

/** A small deterministic generator (mulberry32), so a failing rule set can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('preview count equals materialised size', () => {
  test('for 40 random rule sets over a seeded population of 80 members', async () => {
    const next = random(12);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const TIERS = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'] as const;
    const CHANNELS = ['ONLINE_STORE', 'MOBILE_APP', 'MINI_PROGRAM', 'POINT_OF_SALE'] as const;
    const TAGS = ['vip', 'wholesale', 'staff', 'student'];
    const population = await insertMembers(
      database.db,
      Array.from({ length: 80 }, () =>
        makeMember({
          tier: pick(TIERS),
          acquisitionChannel: pick(CHANNELS),
          tags: TAGS.filter(() => next() < 0.3),
          birthday: next() < 0.8 ? `19${70 + Math.floor(next() * 30)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-15` : null,
          disabledAt: next() < 0.1 ? new Date() : null,
        }),
      ),
    );
    for (const m of population) {
      if (next() < 0.6) await addAddress(m.id, pick(['TH', 'SG', 'CN']), true);
      if (next() < 0.5) await grant(m.id, pick(['EMAIL', 'SMS', 'LINE', 'WECHAT']), next() < 0.8);
      for (let n = Math.floor(next() * 4); n > 0; n--) {
        const placed = daysAgo(Math.floor(next() * 365));
        await record(orderFact(m.id, {
          totalMinor: String(Math.floor(next() * 500_000)),
          currencyCode: next() < 0.85 ? 'THB' : 'USD',
          status: pick(['PAID', 'COMPLETED', 'CANCELLED', 'CLOSED', 'PENDING_PAYMENT']),
          placedAt: placed,
          updatedAt: placed,
          couponUsed: next() < 0.3,
        }));
      }
    }
    const randomRule = (): SegmentRuleInput => {
      switch (pick(['SPENT', 'ORDERS_COUNT', 'LAST_ORDER_BEFORE', 'LAST_ORDER_WITHIN', 'TIER', 'TAG', 'ACQUISITION_CHANNEL', 'REGION', 'BIRTHDAY_MONTH', 'CONSENT', 'COUPON_USED'] as const)) {
        case 'SPENT': return { kind: 'SPENT', amount: String(Math.floor(next() * 3000)), currencyCode: pick(['THB', 'USD']), withinDays: 1 + Math.floor(next() * 365) };
        case 'ORDERS_COUNT': return { kind: 'ORDERS_COUNT', minOrders: Math.floor(next() * 3), maxOrders: next() < 0.5 ? 3 : null, withinDays: next() < 0.5 ? 180 : null };
        case 'LAST_ORDER_BEFORE': return { kind: 'LAST_ORDER_BEFORE', days: 1 + Math.floor(next() * 300) };
        case 'LAST_ORDER_WITHIN': return { kind: 'LAST_ORDER_WITHIN', days: 1 + Math.floor(next() * 300) };
        case 'TIER': return { kind: 'TIER', tiers: TIERS.filter(() => next() < 0.5).concat('GOLD') };
        case 'TAG': return { kind: 'TAG', tag: pick(TAGS) };
        case 'ACQUISITION_CHANNEL': return { kind: 'ACQUISITION_CHANNEL', channels: [pick(CHANNELS), pick(CHANNELS)] };
        case 'REGION': return { kind: 'REGION', countryCodes: [pick(['TH', 'SG', 'CN'])] };
        case 'BIRTHDAY_MONTH': return { kind: 'BIRTHDAY_MONTH', month: 1 + Math.floor(next() * 12) };
        case 'CONSENT': return { kind: 'CONSENT', consentChannel: pick(['EMAIL', 'SMS', 'LINE', 'WECHAT'] as const) };
        case 'COUPON_USED': return { kind: 'COUPON_USED' };
      }
    };
    const sizes: number[] = [];
    for (let i = 0; i < 40; i++) {
      const rules: SegmentRulesInput = {
        groups: Array.from({ length: 1 + Math.floor(next() * 2) }, () => ({ rules: Array.from({ length: 1 + Math.floor(next() * 3) }, randomRule) })),
      };
      const result = await materialise(rules);
      expect(result.preview.count, JSON.stringify(rules)).toBe(result.outcome.size);
      expect(result.ids.length, JSON.stringify(rules)).toBe(result.outcome.size);
      sizes.push(result.outcome.size);
    }
    // The sets are not all empty or all everyone: the comparison says something.
    expect(new Set(sizes).size).toBeGreaterThan(10);
  });
});

describe('a member moves in and out as their data changes', () => {
  test('placing and cancelling an order, then losing a tag, moves the member in and out on each refresh', async () => {
    const [row] = await insertMembers(database.db, [makeMember({ tags: ['mover'] })]);
    const memberId = row!.id;
    const rules: SegmentRulesInput = {
      groups: [{ rules: [{ kind: 'SPENT', amount: '1000', currencyCode: 'THB', withinDays: 30 }, { kind: 'TAG', tag: 'mover' }] }],
    };
    const segment = await materialise(rules);
    expect(segment.ids).toEqual([]);
    const refresh = () => refreshSegment(database.db, segment.id, NOW);

    await database.db.execute(sql`delete from graphile_worker._private_jobs`);
    const placed = orderFact(memberId, { totalMinor: '150000', placedAt: daysAgo(2), updatedAt: daysAgo(2) });
    await record(placed);
    // The fact task queues one refresh of every segment, however many facts arrive.
    await record(orderFact(memberId, { totalMinor: '100', placedAt: daysAgo(2), updatedAt: daysAgo(2) }));
    expect(await pending('members.refreshSegments')).toBe(1);
    expect(await refresh()).toMatchObject({ size: 1, added: 1, removed: 0 });
    expect(await isMemberInSegment(database.db, segment.id, memberId)).toBe(true);
    const [entered] = await database.db.select().from(segmentMember).where(eq(segmentMember.segmentId, segment.id));

    // Refreshing with nothing changed is a diff: the member's row (and when they entered) stays.
    expect(await refresh()).toMatchObject({ size: 1, added: 0, removed: 0 });
    const [again] = await database.db.select().from(segmentMember).where(eq(segmentMember.segmentId, segment.id));
    expect(again!.addedAt).toEqual(entered!.addedAt);

    await record({ ...placed, status: 'CANCELLED', updatedAt: daysAgo(1) });
    expect(await refresh()).toMatchObject({ size: 0, added: 0, removed: 1 });
    expect(await isMemberInSegment(database.db, segment.id, memberId)).toBe(false);

    await record(orderFact(memberId, { totalMinor: '200000', placedAt: daysAgo(1), updatedAt: daysAgo(1) }));
    expect(await refresh()).toMatchObject({ size: 1, added: 1 });

    await database.db.execute(sql`delete from graphile_worker._private_jobs`);
    const untagged = await mutate(database.db, (tx, changes) => setMemberTags(tx, memberId, [], changes));
    expect(untagged.ok).toBe(true);
    expect(await pending('members.refreshSegments')).toBe(1);
    expect(await refresh()).toMatchObject({ size: 0, removed: 1 });
  });

  test('the refresh-all task queues one refresh per active segment; new rules queue that segment', async () => {
    await insertMembers(database.db, [makeMember({ tags: ['after-update'] })]);
    const segment = await materialise(one({ kind: 'TAG', tag: 'before-update' }));
    await database.db.execute(sql`delete from graphile_worker._private_jobs`);
    await members.tasks['members.refreshSegments']!({}, database.db);
    const [{ n: segments }] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from members.segment where archived_at is null`);
    expect(await pending('members.refreshSegment')).toBe(segments);

    await database.db.execute(sql`delete from graphile_worker._private_jobs`);
    const updated = await mutate(database.db, (tx, changes) => updateSegment(tx, segment.id, { rules: one({ kind: 'TAG', tag: 'after-update' }) }, changes));
    expect(updated.ok).toBe(true);
    const [job] = await database.db.execute<{ payload: { segmentId: string } }>(sql`select payload from graphile_worker._private_jobs where key = ${`members.refreshSegment:${segment.id}`}`);
    expect(job!.payload.segmentId).toBe(segment.id);
    await members.tasks['members.refreshSegment']!(job!.payload, database.db);
    const [row] = await database.db.execute<{ size: number }>(sql`select size from members.segment where id = ${segment.id}`);
    expect(segment.outcome.size).toBe(0);
    expect(row!.size).toBe(1);
  });
});

describe('commands for other domains', () => {
  test('segmentMemberIds pages by id; an archived segment has no members and answers false', async () => {
    const segment = await materialise(one({ kind: 'TAG', tag: 'vip' }));
    expect(segment.ids.length).toBeGreaterThan(2);
    const first = await segmentMemberIds(database.db, segment.id, { limit: 2 });
    const rest = await segmentMemberIds(database.db, segment.id, { after: first.at(-1), limit: 1000 });
    expect([...first, ...rest]).toEqual(segment.ids);
    expect(await isMemberInSegment(database.db, segment.id, segment.ids[0]!)).toBe(true);

    const archived = await mutate(database.db, (tx, changes) => archiveSegment(tx, segment.id, changes));
    expect(archived.ok).toBe(true);
    expect(await segmentMemberIds(database.db, segment.id)).toEqual([]);
    expect(await isMemberInSegment(database.db, segment.id, segment.ids[0]!)).toBe(false);
    expect(await refreshSegment(database.db, segment.id, NOW)).toBeNull();
    const again = await mutate(database.db, (tx, changes) => archiveSegment(tx, segment.id, changes));
    expect(!again.ok && again.errors[0]!.code).toBe('SEGMENT_ARCHIVED');
  });
});

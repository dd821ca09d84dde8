import { randomUUID } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { eq, sql } from 'drizzle-orm';
import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { log, type Principal } from '@shop/kit';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { queuedJobs } from '../../../tests/kit/jobs.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { insertMembers, makeMember } from '../../members/test/factories.js';
import { couponCode, couponMemberUsage } from '../src/coupon-codes/index.js';
import { coupons } from '../src/index.js';
import { codesLinkValid, exportCodes, GENERATE_CODES, generateCodesTask, issueToSegmentTask } from '../src/issuance/index.js';
import { claimCoupon } from '../src/issuance/claim.js';
import { coupon } from '../src/tables.js';
import { insertCoupons, makeCoupon } from './factories.js';

let database: TestDatabase;

beforeAll(async () => {
  process.env.GATEWAY_SIGNING_SECRET ??= randomUUID() + randomUUID();
  database = await createTestDatabase({ max: 20 });
});
afterAll(() => database.close());

const customer = (memberId: string): Principal => ({ kind: 'customer', memberId, sessionId: randomUUID() });

function execute(source: string, variableValues?: Record<string, unknown>, principal: Principal = TEST_OPERATOR) {
  return graphql({
    schema: coupons.schema,
    source,
    variableValues,
    contextValue: coupons.createContext({ db: database.db, principal, requestId: 't', log, changes: [] }),
  });
}

const CLAIM = `mutation ($input: CouponClaimInput!) { couponClaim(input: $input) { myCoupon { code title kind source usable } userErrors { field code } } }`;
const MY = `query ($usable: Boolean) { myCoupons(usable: $usable) { code title(locale: th) usable unusableReason source } }`;
type Claim = { couponClaim: { myCoupon: { code: string; usable: boolean; source: string } | null; userErrors: { field: string[]; code: string }[] } };

describe('couponClaim', () => {
  test('a customer claims a claimable coupon: a personal code, listed in myCoupons with its title in their language', async () => {
    const [row] = await insertCoupons(database.db, [makeCoupon({ code: null, claimable: true, title: 'Welcome', titles: { th: 'ยินดีต้อนรับ' } })]);
    const memberId = randomUUID();
    const claim = (await execute(CLAIM, { input: { couponId: row!.id } }, customer(memberId))).data as Claim;
    expect(claim.couponClaim.userErrors).toEqual([]);
    expect(claim.couponClaim.myCoupon).toMatchObject({ kind: 'PERCENTAGE', source: 'CLAIMED', usable: true });
    const mine = (await execute(MY, {}, customer(memberId))).data as { myCoupons: { code: string; title: string }[] };
    expect(mine.myCoupons).toEqual([expect.objectContaining({ code: claim.couponClaim.myCoupon!.code, title: 'ยินดีต้อนรับ', usable: true, unusableReason: null })]);
    const strangers = (await execute(MY, {}, customer(randomUUID()))).data as { myCoupons: unknown[] };
    expect(strangers.myCoupons).toEqual([]);
  });

  test('the per-member limit holds across 20 parallel claims of one member; the quantity across 30 members', async () => {
    const [limited, scarce] = await insertCoupons(database.db, [
      makeCoupon({ code: null, claimable: true, perMemberLimit: 2 }),
      makeCoupon({ code: null, claimable: true, totalQuantity: 7 }),
    ]);
    const memberId = randomUUID();
    const claims = await Promise.all(Array.from({ length: 20 }, () => mutate(database.db, (tx) => claimCoupon(tx, memberId, limited!.id))));
    expect(claims.filter((c) => c.ok)).toHaveLength(2);
    expect(new Set(claims.flatMap((c) => (c.ok ? [] : c.errors.map((e) => e.code))))).toEqual(new Set(['LIMIT_REACHED']));
    const many = await Promise.all(Array.from({ length: 30 }, () => mutate(database.db, (tx) => claimCoupon(tx, randomUUID(), scarce!.id))));
    expect(many.filter((c) => c.ok)).toHaveLength(7);
    expect((await database.db.select().from(coupon).where(eq(coupon.id, scarce!.id)))[0]!.issuedCount).toBe(7);
  });

  test.each([
    ['not claimable', { claimable: false }, 'NOT_CLAIMABLE'],
    ['not started', { claimable: true, startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 2 * 86_400_000) }, 'NOT_STARTED'],
    ['ended', { claimable: true, startsAt: new Date(Date.now() - 2 * 86_400_000), endsAt: new Date(Date.now() - 86_400_000) }, 'ENDED'],
    ['archived', { claimable: true, archivedAt: new Date() }, 'COUPON_NOT_FOUND'],
    ['for a segment the member is not in', { claimable: true, segmentIds: [randomUUID()] }, 'NOT_ELIGIBLE'],
  ])('a coupon %s cannot be claimed', async (_, overrides, code) => {
    const [row] = await insertCoupons(database.db, [makeCoupon({ code: null, ...overrides })]);
    const claim = (await execute(CLAIM, { input: { couponId: row!.id } }, customer(randomUUID()))).data as Claim;
    expect(claim.couponClaim.userErrors).toEqual([{ field: ['input', 'couponId'], code }]);
  });

  test('staff cannot claim or list a customer wallet (FORBIDDEN in the subgraph)', async () => {
    const result = await execute(MY, {});
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('couponCodesGenerate', () => {
  const GENERATE = `mutation ($input: CouponCodesGenerateInput!) { couponCodesGenerate(input: $input) {
    batch { id kind status requested done downloadUrl } userErrors { field code } } }`;
  type Generated = { couponCodesGenerate: { batch: { id: string; status: string; requested: number; done: number; downloadUrl: string | null } | null; userErrors: { field: string[]; code: string }[] } };

  test('takes the quantity at once, queues the job, which makes unique codes with progress; DONE gives a signed CSV link', async () => {
    const [row] = await insertCoupons(database.db, [makeCoupon({ code: null, totalQuantity: 12_000 })]);
    const asked = (await execute(GENERATE, { input: { couponId: row!.id, count: 12_000, prefix: 'sale' } })).data as Generated;
    expect(asked.couponCodesGenerate.userErrors).toEqual([]);
    const batch = asked.couponCodesGenerate.batch!;
    expect(batch).toMatchObject({ status: 'PENDING', requested: 12_000, done: 0, downloadUrl: null });
    expect(await queuedJobs(database.db, GENERATE_CODES, `${GENERATE_CODES}:${batch.id}`)).toHaveLength(1);
    expect((await database.db.select().from(coupon).where(eq(coupon.id, row!.id)))[0]!.issuedCount).toBe(12_000);
    await generateCodesTask({ batchId: batch.id }, database.db);
    await generateCodesTask({ batchId: batch.id }, database.db);
    const after = (await execute(`{ couponBatch(id: "${batch.id}") { status done downloadUrl } }`)).data as { couponBatch: { status: string; done: number; downloadUrl: string } };
    expect(after.couponBatch).toMatchObject({ status: 'DONE', done: 12_000 });
    const [{ n, distinct, prefixed }] = await database.db.execute<{ n: number; distinct: number; prefixed: number }>(
      sql`select count(*)::int as n, count(distinct code)::int as distinct, count(*) filter (where code like 'SALE%')::int as prefixed from coupons.coupon_code where batch_id = ${batch.id}`,
    );
    expect({ n, distinct, prefixed }).toEqual({ n: 12_000, distinct: 12_000, prefixed: 12_000 });
    const link = new URL(after.couponBatch.downloadUrl, 'http://gateway');
    expect(codesLinkValid(batch.id, link.searchParams.get('expires'), link.searchParams.get('signature'))).toBe('VALID');
    expect(codesLinkValid(batch.id, link.searchParams.get('expires'), 'forged')).toBe('FORGED');
    const csv = await text(exportCodes(database.db, batch.id));
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('code,redeemed_at');
    expect(lines).toHaveLength(12_001);
  });

  test('more codes than the quantity left is SOLD_OUT and takes nothing; a bad count or prefix is refused', async () => {
    const [row] = await insertCoupons(database.db, [makeCoupon({ code: null, totalQuantity: 10 })]);
    const over = (await execute(GENERATE, { input: { couponId: row!.id, count: 11 } })).data as Generated;
    expect(over.couponCodesGenerate.userErrors).toEqual([{ field: ['input', 'count'], code: 'SOLD_OUT' }]);
    expect((await database.db.select().from(coupon).where(eq(coupon.id, row!.id)))[0]!.issuedCount).toBe(0);
    const tooMany = (await execute(GENERATE, { input: { couponId: row!.id, count: 100_001 } })).data as Generated;
    expect(tooMany.couponCodesGenerate.userErrors).toEqual([{ field: ['input', 'count'], code: 'INVALID_QUANTITY' }]);
    const badPrefix = (await execute(GENERATE, { input: { couponId: row!.id, count: 1, prefix: 'NO-DASH' } })).data as Generated;
    expect(badPrefix.couponCodesGenerate.userErrors).toEqual([{ field: ['input', 'prefix'], code: 'INVALID_CODE' }]);
  });
});

describe('couponIssueToSegment', () => {
  test('gives each member of the segment one personal code, passes over those at their limit and beyond the quantity; a rerun gives nobody a second', async () => {
    const members = await insertMembers(database.db, Array.from({ length: 6 }, () => makeMember()));
    const segmentId = randomUUID();
    await database.db.execute(sql`insert into members.segment (id, name, rules) values (${segmentId}, ${`push ${segmentId}`}, '{"groups":[]}'::jsonb)`);
    for (const m of members) await database.db.execute(sql`insert into members.segment_member (segment_id, member_id) values (${segmentId}, ${m.id})`);
    const [row] = await insertCoupons(database.db, [makeCoupon({ code: null, totalQuantity: 4, perMemberLimit: 1 })]);
    await database.db.insert(couponMemberUsage).values({ couponId: row!.id, memberId: members[0]!.id, claimed: 1 });
    const asked = (await execute(`mutation ($input: CouponIssueToSegmentInput!) { couponIssueToSegment(input: $input) { batch { id kind status } userErrors { code } } }`, {
      input: { couponId: row!.id, segmentId },
    })).data as { couponIssueToSegment: { batch: { id: string; kind: string; status: string } } };
    const batchId = asked.couponIssueToSegment.batch.id;
    expect(asked.couponIssueToSegment.batch).toMatchObject({ kind: 'SEGMENT', status: 'PENDING' });
    await issueToSegmentTask({ batchId }, database.db);
    await database.db.execute(sql`update coupons.coupon_batch set status = 'RUNNING', cursor = null where id = ${batchId}`);
    await issueToSegmentTask({ batchId }, database.db);
    const codes = await database.db.select().from(couponCode).where(eq(couponCode.batchId, batchId));
    expect(codes).toHaveLength(4);
    expect(new Set(codes.map((c) => c.memberId)).size).toBe(4);
    expect(codes.some((c) => c.memberId === members[0]!.id)).toBe(false);
    const progress = (await execute(`{ couponBatch(id: "${batchId}") { status done skipped requested } }`)).data as { couponBatch: Record<string, unknown> };
    expect(progress.couponBatch).toMatchObject({ status: 'DONE', done: 4 });
    expect((await database.db.select().from(coupon).where(eq(coupon.id, row!.id)))[0]!.issuedCount).toBe(4);
  });
});

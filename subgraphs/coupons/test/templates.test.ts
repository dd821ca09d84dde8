import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { log, type Principal } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { coupons } from '../src/index.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

function execute(source: string, variableValues?: Record<string, unknown>, principal: Principal = TEST_OPERATOR) {
  return graphql({
    schema: coupons.schema,
    source,
    variableValues,
    contextValue: coupons.createContext({ db: database.db, principal, requestId: 't', log, changes: [] }),
  });
}

const CREATE = `mutation ($input: CouponCreateInput!) { couponCreate(input: $input) {
  coupon { id code title localizedTitle(locale: ar) titles { locale text } kind percentOff amountOff { amount } maxDiscount { amount currencyCode }
    minimumSpend { amount } scope scopeIds totalQuantity perMemberLimit channels tiers combinable claimable status }
  userErrors { field code message } } }`;
const UPDATE = `mutation ($input: CouponUpdateInput!) { couponUpdate(input: $input) { coupon { id code kind percentOff amountOff { amount } totalQuantity status } userErrors { field code } } }`;
const ARCHIVE = `mutation ($input: CouponArchiveInput!) { couponArchive(input: $input) { coupon { status } userErrors { field code } } }`;

const base = {
  title: 'Ramadan Kareem 15%',
  kind: 'PERCENTAGE',
  percentOff: 15,
  currencyCode: 'THB',
  startsAt: '2026-03-01T00:00:00Z',
  endsAt: '2030-04-01T00:00:00Z',
};

type Payload = { coupon: Record<string, unknown> | null; userErrors: { field: string[]; code: string }[] };
const created = async (input: Record<string, unknown>) => ((await execute(CREATE, { input })).data as { couponCreate: Payload }).couponCreate;

test('couponCreate stores every field: code upper case, titles per locale, cap, scope, limits, channels, tiers', async () => {
  const { coupon, userErrors } = await created({
    ...base,
    code: 'ramadan-15',
    titles: [{ locale: 'ar', text: 'رمضان كريم 15%' }, { locale: 'th', text: 'รอมฎอน 15%' }],
    maxDiscount: '300.00',
    minimumSpend: '1000',
    scope: 'CATEGORIES',
    scopeIds: ['00000000-0000-4000-8000-000000000001'],
    totalQuantity: 500,
    perMemberLimit: 2,
    channels: ['ONLINE_STORE', 'MOBILE_APP'],
    tiers: ['GOLD'],
    combinable: false,
    claimable: true,
  });
  expect(userErrors).toEqual([]);
  expect(coupon).toMatchObject({
    code: 'RAMADAN-15', title: 'Ramadan Kareem 15%', localizedTitle: 'رمضان كريم 15%', kind: 'PERCENTAGE', percentOff: 15, amountOff: null,
    maxDiscount: { amount: '300.00', currencyCode: 'THB' }, minimumSpend: { amount: '1000.00' }, scope: 'CATEGORIES',
    totalQuantity: 500, perMemberLimit: 2, channels: ['ONLINE_STORE', 'MOBILE_APP'], tiers: ['GOLD'], combinable: false, claimable: true, status: 'ACTIVE',
  });
  expect(coupon!.titles).toEqual([{ locale: 'en', text: 'Ramadan Kareem 15%' }, { locale: 'ar', text: 'رمضان كريم 15%' }, { locale: 'th', text: 'รอมฎอน 15%' }]);
});

describe('couponCreate refuses bad input with coded userErrors naming each field, and writes nothing', () => {
  test.each([
    ['a percentage over 100', { percentOff: 101 }, ['input', 'percentOff'], 'INVALID_PERCENT'],
    ['an amount for a percentage coupon', { amountOff: '10' }, ['input', 'amountOff'], 'VALUE_NOT_FOR_KIND'],
    ['a fixed coupon without its amount', { kind: 'FIXED_AMOUNT', percentOff: null }, ['input', 'amountOff'], 'INVALID_AMOUNT'],
    ['an end before the start', { endsAt: '2026-01-01T00:00:00Z' }, ['input', 'endsAt'], 'INVALID_WINDOW'],
    ['a code with spaces', { code: 'NO SPACES' }, ['input', 'code'], 'INVALID_CODE'],
    ['an empty title', { title: '  ' }, ['input', 'title'], 'INVALID_TITLE'],
    ['a zero quantity', { totalQuantity: 0 }, ['input', 'totalQuantity'], 'INVALID_QUANTITY'],
    ['a scope without ids', { scope: 'PRODUCTS' }, ['input', 'scopeIds'], 'INVALID_SCOPE'],
    ['a channel twice', { channels: ['ONLINE_STORE', 'ONLINE_STORE'] }, ['input', 'channels'], 'INVALID_LIST'],
    ['a cap of zero', { maxDiscount: '0' }, ['input', 'maxDiscount'], 'INVALID_AMOUNT'],
  ])('%s', async (_, overrides, field, code) => {
    const before = (await database.sql`select count(*)::int as n from coupons.coupon`)[0]!.n;
    const { coupon, userErrors } = await created({ ...base, ...overrides });
    expect(coupon).toBeNull();
    expect(userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect((await database.sql`select count(*)::int as n from coupons.coupon`)[0]!.n).toBe(before);
  });

  test('every mistake at once', async () => {
    const { userErrors } = await created({ ...base, percentOff: 0, title: '', code: 'x' });
    expect(userErrors.map((e) => e.code).sort()).toEqual(['INVALID_CODE', 'INVALID_PERCENT', 'INVALID_TITLE']);
  });

  test('a code another coupon holds, in any case', async () => {
    await created({ ...base, code: 'TAKEN1' });
    expect((await created({ ...base, code: 'taken1' })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'code'], code: 'CODE_TAKEN' })]);
  });
});

test('couponUpdate changes only the fields given; a new kind needs its value; the quantity cannot go below what was used', async () => {
  const { coupon } = await created({ ...base, code: 'UPD1', totalQuantity: 10 });
  const id = coupon!.id as string;
  const first = await execute(UPDATE, { input: { id, code: 'upd2' } });
  expect(first.errors).toBeUndefined();
  const renamed = (first.data as { couponUpdate: Payload }).couponUpdate;
  expect(renamed.coupon).toMatchObject({ code: 'UPD2', kind: 'PERCENTAGE', percentOff: 15, totalQuantity: 10 });
  const noAmount = ((await execute(UPDATE, { input: { id, kind: 'FIXED_AMOUNT' } })).data as { couponUpdate: Payload }).couponUpdate;
  expect(noAmount.userErrors).toEqual([{ field: ['input', 'amountOff'], code: 'INVALID_AMOUNT' }]);
  const fixed = ((await execute(UPDATE, { input: { id, kind: 'FIXED_AMOUNT', amountOff: '50' } })).data as { couponUpdate: Payload }).couponUpdate;
  expect(fixed.coupon).toMatchObject({ kind: 'FIXED_AMOUNT', percentOff: null, amountOff: { amount: '50.00' } });
  await database.sql`update coupons.coupon set issued_count = 4 where id = ${id}`;
  const below = ((await execute(UPDATE, { input: { id, totalQuantity: 3 } })).data as { couponUpdate: Payload }).couponUpdate;
  expect(below.userErrors).toEqual([{ field: ['input', 'totalQuantity'], code: 'QUANTITY_BELOW_USED' }]);
});

test('couponArchive archives once; an archived coupon no longer changes; an unknown id is COUPON_NOT_FOUND', async () => {
  const { coupon } = await created({ ...base });
  const id = coupon!.id as string;
  const archived = ((await execute(ARCHIVE, { input: { id } })).data as { couponArchive: Payload }).couponArchive;
  expect(archived.coupon).toEqual({ status: 'ARCHIVED' });
  const again = ((await execute(ARCHIVE, { input: { id } })).data as { couponArchive: Payload }).couponArchive;
  expect(again.userErrors).toEqual([{ field: ['input', 'id'], code: 'COUPON_ARCHIVED' }]);
  const update = ((await execute(UPDATE, { input: { id, title: 'x' } })).data as { couponUpdate: Payload }).couponUpdate;
  expect(update.userErrors).toEqual([{ field: ['input', 'id'], code: 'COUPON_ARCHIVED' }]);
  const unknown = ((await execute(ARCHIVE, { input: { id: '00000000-0000-4000-8000-000000000000' } })).data as { couponArchive: Payload }).couponArchive;
  expect(unknown.userErrors).toEqual([{ field: ['input', 'id'], code: 'COUPON_NOT_FOUND' }]);
});

test('the coupon list filters by status and text', async () => {
  const result = await execute(`{ active: coupons(first: 100, filter: { status: [ACTIVE], search: "ramadan" }) { edges { node { code status } } }
    archived: coupons(first: 100, filter: { status: [ARCHIVED] }) { totalCount } }`);
  const data = result.data as { active: { edges: { node: { code: string; status: string } }[] }; archived: { totalCount: number } };
  expect(data.active.edges.map((e) => e.node.code)).toContain('RAMADAN-15');
  expect(data.active.edges.every((e) => e.node.status === 'ACTIVE')).toBe(true);
  expect(data.archived.totalCount).toBeGreaterThanOrEqual(1);
});

test.each([
  ['a customer', { kind: 'customer', memberId: '00000000-0000-4000-8000-0000000000c1', sessionId: '00000000-0000-4000-8000-0000000000c2' }],
  ['an anonymous caller', { kind: 'anonymous' }],
] as [string, Principal][])('the subgraph refuses couponCreate to %s (FORBIDDEN)', async (_, principal) => {
  const result = await execute(CREATE, { input: base }, principal);
  expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

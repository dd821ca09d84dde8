import { graphql } from 'graphql';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { log } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { dataOf, type Connection } from '../../../tests/kit/shape.js';
import { coupons } from '../src/index.js';
import { promotionsSource } from '../src/promotions/source.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

function execute(source: string, variableValues?: Record<string, unknown>, acceptLanguage: string | null = null) {
  return graphql({
    schema: coupons.schema,
    source,
    variableValues,
    contextValue: coupons.createContext({ db: database.db, principal: TEST_OPERATOR, requestId: 't', log, changes: [], acceptLanguage }),
  });
}

const FIELDS = `id title titles { locale text } kind status priority combinable channels memberTiers scope { kind ids }
  spendTiers { threshold { amount } amountOff { amount } } percentOff amountOff { amount } minimumSpend { amount }`;
const CREATE = `mutation ($input: PromotionCreateInput!) { promotionCreate(input: $input) { promotion { ${FIELDS} } userErrors { field code message } } }`;
const UPDATE = `mutation ($input: PromotionUpdateInput!) { promotionUpdate(input: $input) { promotion { ${FIELDS} } userErrors { field code message } } }`;
const ARCHIVE = `mutation ($input: PromotionArchiveInput!) { promotionArchive(input: $input) { promotion { id status } userErrors { field code } } }`;
const LIST = `query ($filter: PromotionFilter) { promotions(first: 50, filter: $filter) { totalCount edges { node { id kind status title } } } }`;

type Payload = { promotion: Record<string, unknown> & { id: string }; userErrors: { field: string[]; code: string }[] };

const TIERED = {
  titles: [{ locale: 'en', text: 'Spend more, save more' }, { locale: 'th', text: 'ยิ่งซื้อยิ่งลด' }, { locale: 'ar', text: 'رمضان كريم 15%' }],
  kind: 'TIERED_SPEND', activate: true, currencyCode: 'THB', channels: ['ONLINE_STORE'],
  spendTiers: [{ threshold: '1000.00', amountOff: '150.00' }, { threshold: '500.00', amountOff: '50.00' }],
};

test('promotionCreate stores an active tiered promotion with titles per language, tiers sorted', async () => {
  const result = await execute(CREATE, { input: TIERED }, 'th-TH');
  expect(result.errors).toBeUndefined();
  const { promotion, userErrors } = dataOf<{ promotionCreate: Payload }>(result).promotionCreate;
  expect(userErrors).toEqual([]);
  expect(promotion).toMatchObject({
    title: 'ยิ่งซื้อยิ่งลด', kind: 'TIERED_SPEND', status: 'ACTIVE', priority: 100, combinable: true, channels: ['ONLINE_STORE'],
    scope: { kind: 'ALL', ids: [] },
    spendTiers: [{ threshold: { amount: '500.00' }, amountOff: { amount: '50.00' } }, { threshold: { amount: '1000.00' }, amountOff: { amount: '150.00' } }],
  });
});

test('promotionCreate refuses bad input with coded userErrors and writes nothing', async () => {
  const before = dataOf<{ promotions: Connection<unknown> }>(await execute(LIST)).promotions.totalCount;
  const result = await execute(CREATE, {
    input: {
      titles: [{ locale: 'th', text: 'ลด' }], kind: 'PERCENT_OFF', currencyCode: 'THB', percentOff: 20_000, amountOff: '10.00',
      startsAt: '2026-05-01T00:00:00Z', endsAt: '2026-04-01T00:00:00Z', scope: { kind: 'PRODUCTS', ids: [] },
    },
  });
  const { promotion, userErrors } = dataOf<{ promotionCreate: Payload }>(result).promotionCreate;
  expect(promotion).toBeNull();
  expect(userErrors.map((e) => e.code).sort()).toEqual(['INVALID_PERCENT', 'INVALID_SCHEDULE', 'INVALID_SCOPE', 'INVALID_TITLE']);
  const kindErrors = dataOf<{ promotionCreate: Payload }>(
    await execute(CREATE, { input: { titles: [{ locale: 'en', text: 'x' }], kind: 'FIXED_OFF', currencyCode: 'THB', percentOff: 100 } }),
  ).promotionCreate.userErrors;
  expect(kindErrors).toEqual([
    expect.objectContaining({ code: 'KIND_MISMATCH', field: ['input', 'amountOff'] }),
    expect.objectContaining({ code: 'KIND_MISMATCH', field: ['input', 'percentOff'] }),
  ]);
  expect(dataOf<{ promotions: Connection<unknown> }>(await execute(LIST)).promotions.totalCount).toBe(before);
});

test('promotions filters by status and kind; update and archive follow the lifecycle', async () => {
  const draft = dataOf<{ promotionCreate: Payload }>(
    await execute(CREATE, { input: { titles: [{ locale: 'en', text: 'Second half price' }], kind: 'NTH_ITEM_PERCENT', currencyCode: 'THB', nth: 2, percentOff: 5000 } }),
  ).promotionCreate.promotion;
  expect(draft.status).toBe('DRAFT');
  type Node = { id: string; kind: string; status: string };
  const drafts = dataOf<{ promotions: Connection<Node> }>(await execute(LIST, { filter: { status: ['DRAFT'] } })).promotions;
  expect(drafts.edges.map((e) => e.node.id)).toEqual([draft.id]);
  const searched = dataOf<{ promotions: Connection<Node> }>(await execute(LIST, { filter: { search: 'ยิ่งซื้อ' } })).promotions;
  expect(searched.edges.map((e) => e.node.kind)).toEqual(['TIERED_SPEND']);

  const updated = dataOf<{ promotionUpdate: Payload }>(
    await execute(UPDATE, { input: { id: draft.id, activate: true, startsAt: new Date(Date.now() + 86_400_000).toISOString(), priority: 5 } }),
  ).promotionUpdate;
  expect(updated.userErrors).toEqual([]);
  expect(updated.promotion).toMatchObject({ status: 'SCHEDULED', priority: 5 });
  const mismatch = dataOf<{ promotionUpdate: Payload }>(await execute(UPDATE, { input: { id: draft.id, amountOff: '5.00' } })).promotionUpdate;
  expect(mismatch.userErrors.map((e) => e.code)).toEqual(['KIND_MISMATCH']);

  const archived = dataOf<{ promotionArchive: Payload }>(await execute(ARCHIVE, { input: { id: draft.id } })).promotionArchive;
  expect(archived.promotion.status).toBe('ARCHIVED');
  const again = dataOf<{ promotionUpdate: Payload }>(await execute(UPDATE, { input: { id: draft.id, priority: 1 } })).promotionUpdate;
  expect(again.userErrors.map((e) => e.code)).toEqual(['PROMOTION_ARCHIVED']);
  const listed = dataOf<{ promotions: Connection<Node> }>(await execute(LIST)).promotions;
  expect(listed.edges.map((e) => e.node.id)).not.toContain(draft.id);
});

test('the promotions source offers active promotions in the currency as rules', async () => {
  const rules = await promotionsSource.rules(database.db, {
    cart: { currencyCode: 'THB', channel: 'ONLINE_STORE', at: new Date(), member: null, lines: [], shipping: { feeMinor: 0n, freeFromMinor: null } },
    couponCodes: [],
  });
  expect(rules.map((r) => [r.stage, r.effect.kind, r.conditions.channels])).toEqual([['ORDER', 'TIERED_SPEND', ['ONLINE_STORE']]]);
  const usd = await promotionsSource.rules(database.db, {
    cart: { currencyCode: 'USD', channel: 'ONLINE_STORE', at: new Date(), member: null, lines: [], shipping: { feeMinor: 0n, freeFromMinor: null } },
    couponCodes: [],
  });
  expect(usd).toEqual([]);
});

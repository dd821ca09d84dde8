// report and reportCatalog through the gateway in both modes: figures, comparison, labels, refusals.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { SUBGRAPHS } from '@shop/gateway/subgraphs';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { bearer, customerLogin, DEMO_CUSTOMER, ownerHeaders } from '../kit/callers.js';

let database: TestDatabase;
const gateways: Partial<Record<'in-process' | 'distributed', TestGateway>> = {};
let owner: Record<string, string>;
/** An API key with reports:read only: every metric but coupon and promotion cost. */
let readerOnly: Record<string, string>;
let customer: Record<string, string>;

const REPORT = `query ($input: ReportQueryInput!) { report(input: $input) {
  range { from to } comparisonRange { from to } metrics dimensions truncated currencyCode
  rows { keys { dimension key label } values { metric value } comparisonValues { metric value } }
  totals { metric value } comparisonTotals { metric value } } }`;
const CATALOG = `{ reportCatalog { metrics { metric unit } dimensions } }`;

/** USD sales (the demo seed sells in THB only), placed through the reports tasks and rolled up. */
async function recordSales() {
  const reports = SUBGRAPHS.find((module) => module.name === 'reports')!;
  const run = (task: string, payload: unknown) => reports.tasks[task]!(payload, database.db);
  const order = (placedAt: string, channel: string, totalMinor: string, status = 'PAID') => ({
    orderId: randomUUID(), placedAt, updatedAt: placedAt, status, channel, totalMinor, currencyCode: 'USD',
    couponDiscountMinor: '100', promotionDiscountMinor: '0', memberId: null, region: 'TH-Bangkok', lines: [],
  });
  // Bangkok days: 2026-03-02 (two online, one cancelled), 2026-03-03 (point of sale); 2026-02-28 is the previous period.
  const sold = [
    order('2026-03-02T03:00:00Z', 'ONLINE_STORE', '10000'),
    order('2026-03-02T16:59:00Z', 'ONLINE_STORE', '5000'),
    order('2026-03-02T05:00:00Z', 'ONLINE_STORE', '99999', 'CANCELLED'),
    order('2026-03-02T17:30:00Z', 'POINT_OF_SALE', '2500'),
    order('2026-02-28T10:00:00Z', 'ONLINE_STORE', '4000'),
  ];
  for (const payload of sold) await run('reports.recordOrder', payload);
  for (const day of ['2026-02-28', '2026-03-02', '2026-03-03']) await run('reports.rollupDay', { day, currencyCode: 'USD' });
}

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
  await recordSales();
  gateways['in-process'] = await startTestGateway('in-process', database.db);
  gateways.distributed = await startTestGateway('distributed', database.db);
  owner = await ownerHeaders(gateways['in-process']!);
  const confirmed = await gateways['in-process']!.query(
    `mutation ($input: StepUpConfirmInput!) { stepUpConfirm(input: $input) { stepUpToken } }`,
    { input: { password: 'demo-owner-password' } },
    owner,
  );
  const { body } = await gateways['in-process']!.query(
    `mutation ($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { secret userErrors { code } } }`,
    { input: { name: 'reports reader', scopes: ['reports:read'] } },
    { ...owner, 'x-step-up': confirmed.body.data.stepUpConfirm.stepUpToken },
  );
  readerOnly = bearer(body.data.apiKeyCreate.secret);
  customer = bearer(await customerLogin(gateways['in-process']!, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password));
}, 300_000);

afterAll(async () => {
  for (const gateway of Object.values(gateways)) await gateway?.stop();
  await database?.close();
});

const MARCH_2_TO_3 = { from: '2026-03-02', to: '2026-03-03' };

describe.each(['in-process', 'distributed'] as const)('reports through the %s gateway', (mode) => {
  const gateway = () => gateways[mode]!;

  it('splits GMV, orders and average order value by channel in shop days, with the previous period and Thai labels', async () => {
    const { body } = await gateway().query(
      REPORT,
      { input: { metrics: ['GMV', 'ORDERS', 'AVERAGE_ORDER_VALUE', 'COUPON_COST'], dimensions: ['CHANNEL'], range: MARCH_2_TO_3, comparison: 'PREVIOUS_PERIOD', currencyCode: 'USD', sortBy: 'GMV', reverse: true } },
      { ...owner, 'accept-language': 'th' },
    );
    expect(body.errors).toBeUndefined();
    const value = (metric: string, amount: string | null) => ({ metric, value: amount });
    expect(body.data.report).toEqual({
      range: MARCH_2_TO_3,
      comparisonRange: { from: '2026-02-28', to: '2026-03-01' },
      metrics: ['GMV', 'ORDERS', 'AVERAGE_ORDER_VALUE', 'COUPON_COST'],
      dimensions: ['CHANNEL'],
      truncated: false,
      currencyCode: 'USD',
      rows: [
        {
          // 2026-03-02T16:59Z is still 2 March in Bangkok; the cancelled order is no sale.
          keys: [{ dimension: 'CHANNEL', key: 'ONLINE_STORE', label: 'ร้านค้าออนไลน์' }],
          values: [value('GMV', '150.00'), value('ORDERS', '2'), value('AVERAGE_ORDER_VALUE', '75.00'), value('COUPON_COST', '2.00')],
          comparisonValues: [value('GMV', '40.00'), value('ORDERS', '1'), value('AVERAGE_ORDER_VALUE', '40.00'), value('COUPON_COST', '1.00')],
        },
        {
          // 2026-03-02T17:30Z is 3 March in Bangkok.
          keys: [{ dimension: 'CHANNEL', key: 'POINT_OF_SALE', label: 'หน้าร้าน' }],
          values: [value('GMV', '25.00'), value('ORDERS', '1'), value('AVERAGE_ORDER_VALUE', '25.00'), value('COUPON_COST', '1.00')],
          comparisonValues: [value('GMV', '0.00'), value('ORDERS', '0'), value('AVERAGE_ORDER_VALUE', null), value('COUPON_COST', '0.00')],
        },
      ],
      totals: [value('GMV', '175.00'), value('ORDERS', '3'), value('AVERAGE_ORDER_VALUE', '58.33'), value('COUPON_COST', '3.00')],
      comparisonTotals: [value('GMV', '40.00'), value('ORDERS', '1'), value('AVERAGE_ORDER_VALUE', '40.00'), value('COUPON_COST', '1.00')],
    });
  });

  it('lists only the metrics the caller may read in reportCatalog', async () => {
    const full = await gateway().query(CATALOG, {}, owner);
    expect(full.body.data.reportCatalog.metrics).toContainEqual({ metric: 'COUPON_COST', unit: 'MONEY' });
    const narrow = await gateway().query(CATALOG, {}, readerOnly);
    const metrics = narrow.body.data.reportCatalog.metrics.map((m: { metric: string }) => m.metric);
    expect(metrics).toContain('GMV');
    expect(metrics).not.toContain('COUPON_COST');
    expect(metrics).not.toContain('PROMOTION_COST');
    expect(narrow.body.data.reportCatalog.dimensions).toContain('CHANNEL');
    expect(narrow.body.data.reportCatalog.dimensions).not.toContain('MEMBER_TIER');
  });

  it('refuses coupon cost without marketing:read and member tier without members:read, FORBIDDEN naming them', async () => {
    const { body } = await gateway().query(REPORT, { input: { metrics: ['GMV', 'COUPON_COST'], range: MARCH_2_TO_3 } }, readerOnly);
    expect(body.data?.report ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(body.errors[0].message).toContain('COUPON_COST');
    const byTier = await gateway().query(REPORT, { input: { metrics: ['GMV'], filters: [{ dimension: 'MEMBER_TIER', values: ['GOLD'] }], range: MARCH_2_TO_3 } }, readerOnly);
    expect(byTier.body.data?.report ?? null).toBeNull();
    expect(byTier.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(byTier.body.errors[0].message).toContain('MEMBER_TIER');
    const allowed = await gateway().query(REPORT, { input: { metrics: ['GMV'], range: MARCH_2_TO_3, currencyCode: 'USD' } }, readerOnly);
    expect(allowed.body.data.report.totals).toEqual([{ metric: 'GMV', value: '175.00' }]);
  });

  it.each([
    ['a reversed range', { metrics: ['GMV'], range: { from: '2026-03-05', to: '2026-03-01' } }, 'RANGE_REVERSED'],
    ['a range over 731 days', { metrics: ['GMV'], range: { from: '2024-01-01', to: '2026-01-02' } }, 'RANGE_TOO_LONG'],
    ['nine metrics', { metrics: ['GMV', 'ORDERS', 'AVERAGE_ORDER_VALUE', 'UNITS_SOLD', 'PAYING_MEMBERS', 'NEW_MEMBERS', 'REFUNDS', 'NET_SALES', 'SESSIONS'], range: MARCH_2_TO_3 }, 'METRICS_COUNT'],
    ['three dimensions', { metrics: ['GMV'], dimensions: ['DAY', 'CHANNEL', 'REGION'], range: MARCH_2_TO_3 }, 'DIMENSIONS_COUNT'],
    ['an unknown channel', { metrics: ['GMV'], filters: [{ dimension: 'CHANNEL', values: ['TELEPATHY'] }], range: MARCH_2_TO_3 }, 'UNKNOWN_FILTER_VALUE'],
    ['orders by traffic source', { metrics: ['ORDERS'], dimensions: ['TRAFFIC_SOURCE'], range: MARCH_2_TO_3 }, 'UNSUPPORTED_SPLIT'],
  ])('refuses %s with BAD_USER_INPUT and a message in the caller language', async (_, input, reason) => {
    const { body } = await gateway().query(REPORT, { input }, { ...owner, 'accept-language': 'zh-CN' });
    expect(body.data?.report ?? null).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(body.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(body.errors[0].message).not.toMatch(/select|reports\.|drizzle|postgres/i);
  });

  it('answers neither report nor reportCatalog to a customer', async () => {
    for (const query of [CATALOG, REPORT]) {
      const { body } = await gateway().query(query, { input: { metrics: ['GMV'], range: MARCH_2_TO_3 } }, customer);
      expect(body.data?.report ?? body.data?.reportCatalog ?? null).toBeNull();
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(body.errors[0].extensions.code);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@shop/gateway/seed/index';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { marketingCallers } from '../kit/callers.js';

const CREATE = `mutation ($input: CouponCreateInput!) { couponCreate(input: $input) { coupon { id code status } userErrors { field code } } }`;
const CLAIM = `mutation ($input: CouponClaimInput!) { couponClaim(input: $input) { myCoupon { code usable } userErrors { field code } } }`;
const MY = `{ myCoupons { code usable } }`;
const CLAIMABLE = `{ claimableCoupons { id title kind percentOff } }`;
const GENERATE = `mutation ($input: CouponCodesGenerateInput!) { couponCodesGenerate(input: $input) { batch { id status } userErrors { code } } }`;

const input = (code: string) => ({
  code, title: `Graph ${code}`, kind: 'PERCENTAGE', percentOff: 10, currencyCode: 'THB', claimable: true,
  startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 86_400_000).toISOString(),
});

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ max: 20 });
  await seedDemo(database.db);
}, 300_000);
afterAll(() => database?.close());

describe.each(['in-process', 'distributed'] as const)('coupons through the gateway (%s)', (mode) => {
  let gateway: TestGateway;
  let marketing: Record<string, string>;
  let analyst: Record<string, string>;
  let customer: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway(mode, database.db);
    ({ marketing, analyst, customer } = await marketingCallers(gateway));
  }, 120_000);
  afterAll(() => gateway?.stop());

  it('marketing creates a coupon; an analyst (marketing:read only), a customer and an anonymous caller are refused as a whole', async () => {
    const created = await gateway.query(CREATE, { input: input(`GW-${mode}`) }, marketing);
    expect(created.body.data.couponCreate).toMatchObject({ coupon: { code: `GW-${mode.toUpperCase()}`, status: 'ACTIVE' }, userErrors: [] });
    for (const headers of [analyst, customer, {}]) {
      const refused = await gateway.query(CREATE, { input: input(`NO-${mode}`) }, headers);
      expect(refused.body.data?.couponCreate ?? null).toBeNull();
      expect(refused.body.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    const bad = await gateway.query(CREATE, { input: { ...input('x'), percentOff: 0 } }, marketing);
    expect(bad.body.data.couponCreate.userErrors.map((e: { code: string }) => e.code).sort()).toEqual(['INVALID_CODE', 'INVALID_PERCENT']);
  });

  it('anyone lists claimable coupons; only a customer claims and reads their own coupons', async () => {
    const created = await gateway.query(CREATE, { input: input(`CLAIM-${mode}`) }, marketing);
    const couponId = created.body.data.couponCreate.coupon.id as string;
    const listed = await gateway.query(CLAIMABLE, {}, {});
    expect(listed.body.data.claimableCoupons.map((c: { id: string }) => c.id)).toContain(couponId);
    const claimed = await gateway.query(CLAIM, { input: { couponId } }, customer);
    expect(claimed.body.data.couponClaim).toMatchObject({ myCoupon: { usable: true }, userErrors: [] });
    const mine = await gateway.query(MY, {}, customer);
    expect(mine.body.data.myCoupons.map((c: { code: string }) => c.code)).toContain(claimed.body.data.couponClaim.myCoupon.code);
    for (const headers of [marketing, {}]) {
      const refused = await gateway.query(CLAIM, { input: { couponId } }, headers);
      expect(refused.body.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      const wallet = await gateway.query(MY, {}, headers);
      expect(wallet.body.data?.myCoupons ?? null).toBeNull();
    }
  });

  it('bulk codes need marketing:write', async () => {
    const created = await gateway.query(CREATE, { input: { ...input(`BULK-${mode}`), claimable: false } }, marketing);
    const couponId = created.body.data.couponCreate.coupon.id as string;
    const asked = await gateway.query(GENERATE, { input: { couponId, count: 10 } }, marketing);
    expect(asked.body.data.couponCodesGenerate).toMatchObject({ batch: { status: 'PENDING' }, userErrors: [] });
    const refused = await gateway.query(GENERATE, { input: { couponId, count: 10 } }, analyst);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

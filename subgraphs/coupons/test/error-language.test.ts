import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { TEST_OPERATOR } from '../../../tests/kit/principals.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { coupons } from '../src/index.js';

// Marketing mutations answer their userErrors in the caller's language, built from the code and its parameters.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const ARCHIVES = {
  couponArchive: 'CouponArchiveInput',
  promotionArchive: 'PromotionArchiveInput',
  flashSaleArchive: 'FlashSaleArchiveInput',
  bannerArchive: 'BannerArchiveInput',
} as const;

async function archiveUnknown(mutation: keyof typeof ARCHIVES, acceptLanguage: string | null) {
  const run = subgraphExecutor(coupons, database.db, TEST_OPERATOR, acceptLanguage);
  const result = await run(`mutation ($input: ${ARCHIVES[mutation]}!) { ${mutation}(input: $input) { userErrors { field code message } } }`, {
    input: { id: randomUUID() },
  });
  expect(result.errors).toBeUndefined();
  return (result.data as Record<string, { userErrors: { field: string[]; code: string; message: string }[] }>)[mutation]!.userErrors;
}

test.each(Object.keys(ARCHIVES) as (keyof typeof ARCHIVES)[])('%s: the same code and field in every language, the message in the one asked for', async (mutation) => {
  const english = await archiveUnknown(mutation, null);
  expect(english).toHaveLength(1);
  const messages = new Set([english[0]!.message]);
  for (const language of ['th-TH,th;q=0.9,en;q=0.5', 'zh-CN', 'zh-Hant-TW', 'ar-SA']) {
    const localized = await archiveUnknown(mutation, language);
    expect(localized).toEqual([{ ...english[0], message: expect.any(String) }]);
    messages.add(localized[0]!.message);
  }
  expect(messages.size).toBe(5);
  expect((await archiveUnknown(mutation, 'fr-FR'))[0]!.message).toBe(english[0]!.message);
});

test('parameters reach every language: a coupon title over the limit names the limit in Thai', async () => {
  const run = subgraphExecutor(coupons, database.db, TEST_OPERATOR, 'th');
  const result = await run(
    `mutation ($input: CouponCreateInput!) { couponCreate(input: $input) { userErrors { field code message } } }`,
    { input: { title: 'x'.repeat(500), kind: 'PERCENTAGE', percentOff: 10, currencyCode: 'THB', startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 86_400_000).toISOString() } },
  );
  const errors = (result.data as { couponCreate: { userErrors: { code: string; message: string }[] } }).couponCreate.userErrors;
  const title = errors.find((e) => e.code === 'INVALID_TITLE');
  expect(title?.message).toMatch(/^ชื่อต้องมี 1 ถึง \d+ ตัวอักษร$/);
});

import { afterAll, beforeAll, expect, test } from 'vitest';
import { ANONYMOUS } from '@shop/kit';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { subgraphExecutor } from '../../../tests/kit/subgraph.js';
import { dataOf } from '../../../tests/kit/shape.js';
import { coupons } from '../src/index.js';
import { createdArticle, createdPlacement, HOUR } from './content-factories.js';

// The subgraph on its own (no gateway in front): its entry-point rules let anyone read the
// storefront fields and keep staff lists and writes to staff and partners.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await createdPlacement(database.db, 'BANNER');
  await createdPlacement(database.db, 'ANNOUNCEMENT', { texts: [{ locale: 'en', title: 'Free shipping today' }], channels: ['MOBILE_APP'] });
  await createdArticle(database.db, 'welcome', new Date(Date.now() - HOUR));
});
afterAll(() => database.close());

test('anonymous callers read live banners, announcements and articles in their language', async () => {
  const anonymous = subgraphExecutor(coupons, database.db, ANONYMOUS);
  const result = await anonymous(`{
    storefrontBanners(channel: MOBILE_APP, locale: "th") { title locale imageUrl }
    storefrontAnnouncements(channel: MOBILE_APP, locale: "th") { title locale }
    article(slug: "welcome", locale: "ar") { title locale }
    articles(first: 5) { totalCount edges { node { slug } } }
  }`);
  expect(result.errors).toBeUndefined();
  expect(dataOf(result)).toEqual({
    storefrontBanners: [{ title: 'ลดราคาหน้าร้อน', locale: 'th', imageUrl: 'https://cdn.example.test/summer.jpg' }],
    storefrontAnnouncements: [{ title: 'Free shipping today', locale: 'en' }],
    article: { title: 'عن welcome', locale: 'ar' },
    articles: { totalCount: 1, edges: [{ node: { slug: 'welcome' } }] },
  });
});

test.each([
  '{ banners(first: 5) { totalCount } }',
  '{ contentArticles(first: 5) { totalCount } }',
  'mutation { bannerCreate(input: { texts: [{ locale: "en", title: "x" }], imageUrl: "/x.jpg" }) { userErrors { code } } }',
  'mutation { articlePublish(input: { id: "00000000-0000-4000-8000-000000000000" }) { userErrors { code } } }',
])('anonymous callers are refused staff fields: %s', async (source) => {
  const result = await subgraphExecutor(coupons, database.db, ANONYMOUS)(source);
  expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

test('staff read the same banner with every text and its schedule state', async () => {
  const result = await subgraphExecutor(coupons, database.db)(`{ banners(first: 5) { totalCount edges { node { status position texts { locale title } } } } }`);
  expect(dataOf<{ banners: unknown }>(result).banners).toEqual({
    totalCount: 1,
    edges: [{ node: { status: 'LIVE', position: 0, texts: [{ locale: 'en', title: 'Summer sale' }, { locale: 'th', title: 'ลดราคาหน้าร้อน' }] } }],
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, PASSWORD } from '../../subgraphs/access/test/factories.js';
import { createTestDatabase, type TestDatabase } from '../kit/test-db.js';
import { startTestGateway, type TestGateway } from '../kit/gateway.js';
import { staffLogin } from '../kit/callers.js';

const BANNER_CREATE = `mutation ($input: BannerCreateInput!) {
  bannerCreate(input: $input) { banner { id position status texts { locale title } } userErrors { field code message } }
}`;
const ARTICLE_CREATE = `mutation ($input: ArticleCreateInput!) {
  articleCreate(input: $input) { article { id slug status live } userErrors { field code message } }
}`;
const ARTICLE_PUBLISH = `mutation ($input: ArticlePublishInput!) {
  articlePublish(input: $input) { article { id status live publishedAt } userErrors { field code } }
}`;
const STOREFRONT = `query ($channel: OrderChannel!, $locale: String) {
  storefrontBanners(channel: $channel, locale: $locale) { id title body imageUrl linkUrl locale }
  storefrontAnnouncements(channel: $channel, locale: $locale) { id title locale }
}`;
const STAFF_LIST = `{ banners(first: 10) { totalCount edges { node { id status texts { locale title } } } } }`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let database: TestDatabase;
let accounts: { marketing: string; analyst: string; auditor: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const emails = { marketing: 'content-marketing@shop.test', analyst: 'content-analyst@shop.test', auditor: 'content-auditor@shop.test' };
  for (const [role, email] of Object.entries(emails)) await createAccount(database.db, [role], { email });
  accounts = emails;
});
afterAll(() => database?.close());

describe.each(['in-process', 'distributed'] as const)('content through the gateway (%s)', (mode) => {
  let gateway: TestGateway;
  let marketing: Record<string, string>;
  let analyst: Record<string, string>;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway(mode, database.db);
    marketing = bearer(await staffLogin(gateway, accounts.marketing, PASSWORD));
    analyst = bearer(await staffLogin(gateway, accounts.analyst, PASSWORD));
    auditor = bearer(await staffLogin(gateway, accounts.auditor, PASSWORD));
  }, 120_000);
  afterAll(() => gateway?.stop());

  it('marketing creates a banner; anonymous storefronts read it in their language or in English, without a session', async () => {
    const title = `Flash ${mode}`;
    const created = await gateway.query(
      BANNER_CREATE,
      {
        input: {
          texts: [{ locale: 'en', title, body: 'Today only' }, { locale: 'th', title: `แฟลช ${mode}` }],
          imageUrl: 'https://cdn.example.test/flash.jpg',
          linkUrl: '/flash',
          channels: ['MINI_PROGRAM'],
        },
      },
      marketing,
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.bannerCreate).toMatchObject({ banner: { status: 'LIVE' }, userErrors: [] });
    const id = created.body.data.bannerCreate.banner.id;

    const thai = await gateway.query(STOREFRONT, { channel: 'MINI_PROGRAM', locale: 'th' });
    expect(thai.body.errors).toBeUndefined();
    expect(thai.body.data.storefrontBanners).toContainEqual({ id, title: `แฟลช ${mode}`, body: null, imageUrl: 'https://cdn.example.test/flash.jpg', linkUrl: '/flash', locale: 'th' });

    const arabic = await gateway.query(STOREFRONT, { channel: 'MINI_PROGRAM' }, { 'accept-language': 'ar-SA,ar;q=0.9' });
    expect(arabic.body.data.storefrontBanners).toContainEqual(expect.objectContaining({ id, title, body: 'Today only', locale: 'en' }));

    const elsewhere = await gateway.query(STOREFRONT, { channel: 'ONLINE_STORE', locale: 'th' });
    expect(elsewhere.body.data.storefrontBanners.map((b: { id: string }) => b.id)).not.toContain(id);
  });

  it('staff lists and mutations are closed to anonymous callers and to roles without marketing scopes', async () => {
    const anonymous = await gateway.query(STAFF_LIST);
    expect(anonymous.body.data?.banners ?? null).toBeNull();
    expect(anonymous.body.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);

    const audited = await gateway.query(STAFF_LIST, {}, auditor);
    expect(audited.body.data?.banners ?? null).toBeNull();
    expect(audited.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const read = await gateway.query(STAFF_LIST, {}, analyst);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.banners.totalCount).toBeGreaterThan(0);

    const input = { texts: [{ locale: 'en', title: 'nope' }], imageUrl: '/x.jpg' };
    for (const headers of [{}, analyst]) {
      const refused = await gateway.query(BANNER_CREATE, { input }, headers);
      expect(refused.body.data?.bannerCreate ?? null).toBeNull();
      expect(refused.body.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
  });

  it('a mistake answers coded userErrors at input paths and writes nothing', async () => {
    const before = (await gateway.query(STAFF_LIST, {}, marketing)).body.data.banners.totalCount;
    const { body } = await gateway.query(
      BANNER_CREATE,
      { input: { texts: [{ locale: 'th', title: 'ไทย' }], imageUrl: 'javascript:alert(1)' } },
      marketing,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.bannerCreate.banner).toBeNull();
    expect(body.data.bannerCreate.userErrors).toEqual(
      expect.arrayContaining([
        { field: ['input', 'texts'], code: 'ENGLISH_REQUIRED', message: expect.any(String) },
        { field: ['input', 'imageUrl'], code: 'INVALID_URL', message: expect.any(String) },
      ]),
    );
    expect((await gateway.query(STAFF_LIST, {}, marketing)).body.data.banners.totalCount).toBe(before);
  });

  it('an article is found by anonymous storefronts only once published', async () => {
    const slug = `guide-${mode}`;
    const created = await gateway.query(
      ARTICLE_CREATE,
      { input: { slug, texts: [{ locale: 'en', title: 'Guide', body: 'Read **this**' }, { locale: 'zh-CN', title: '指南', body: '请**阅读**' }] } },
      marketing,
    );
    expect(created.body.data.articleCreate).toMatchObject({ article: { slug, status: 'DRAFT', live: false }, userErrors: [] });
    const read = `query ($slug: String!) { article(slug: $slug, locale: "zh-CN") { slug title bodyHtml locale publishedAt } articles(first: 5) { totalCount edges { node { slug } } } }`;
    const draft = await gateway.query(read, { slug });
    expect(draft.body.errors).toBeUndefined();
    expect(draft.body.data.article).toBeNull();

    const published = await gateway.query(ARTICLE_PUBLISH, { input: { id: created.body.data.articleCreate.article.id } }, marketing);
    expect(published.body.data.articlePublish).toMatchObject({ article: { status: 'PUBLISHED', live: true }, userErrors: [] });
    const live = await gateway.query(read, { slug });
    expect(live.body.data.article).toMatchObject({ slug, title: '指南', bodyHtml: '<p>请<strong>阅读</strong></p>', locale: 'zh-CN' });
    expect(live.body.data.articles.edges.map((e: { node: { slug: string } }) => e.node.slug)).toContain(slug);
  });
});

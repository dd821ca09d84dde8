import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { mutate } from '@shop/kit/mutation';
import { createTestDatabase, type TestDatabase } from '../../../tests/kit/test-db.js';
import { archiveArticle, createArticle, publishArticle, updateArticle } from '../src/content/articles.js';
import { answerLocale } from '../src/content/locale.js';
import { archivePlacement, createPlacement, listPlacements, reorderPlacements, updatePlacement } from '../src/content/placements.js';
import { storefrontAnnouncements, storefrontArticle, storefrontArticles, storefrontBanners } from '../src/content/storefront.js';
import { article, placement, type PlacementRow } from '../src/content/tables.js';
import { createdArticle, createdPlacement, HOUR, makeArticleInput, makePlacementInput } from './content-factories.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ max: 12 });
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.delete(placement);
  await database.db.delete(article);
});

const titles = (rows: { title: string }[]) => rows.map((r) => r.title);

describe('banners and announcements', () => {
  test('a banner shows from its start (inclusive) until its end (exclusive), never when archived', async () => {
    const startsAt = new Date(Date.UTC(2026, 5, 1, 0, 0, 0));
    const endsAt = new Date(startsAt.getTime() + 24 * HOUR);
    const banner = await createdPlacement(database.db, 'BANNER', { startsAt, endsAt });
    const at = (time: number) => storefrontBanners(database.db, 'ONLINE_STORE', 'en', new Date(time));
    expect(await at(startsAt.getTime() - 1)).toEqual([]);
    expect(await at(startsAt.getTime())).toHaveLength(1);
    expect(await at(endsAt.getTime() - 1)).toHaveLength(1);
    expect(await at(endsAt.getTime())).toEqual([]);
    await mutate(database.db, (tx, changes) => archivePlacement(tx, 'BANNER', banner.id, changes));
    expect(await at(startsAt.getTime())).toEqual([]);
  });

  test('the staff list filters by the same boundaries: scheduled, live, ended, archived', async () => {
    const now = new Date();
    await createdPlacement(database.db, 'BANNER', { texts: [{ locale: 'en', title: 'live' }] });
    await createdPlacement(database.db, 'BANNER', { texts: [{ locale: 'en', title: 'soon' }], startsAt: new Date(now.getTime() + HOUR) });
    await createdPlacement(database.db, 'BANNER', {
      texts: [{ locale: 'en', title: 'over' }],
      startsAt: new Date(now.getTime() - 2 * HOUR),
      endsAt: new Date(now.getTime() - HOUR),
    });
    const gone = await createdPlacement(database.db, 'BANNER', { texts: [{ locale: 'en', title: 'gone' }] });
    await mutate(database.db, (tx, changes) => archivePlacement(tx, 'BANNER', gone.id, changes));
    const list = async (status?: ('SCHEDULED' | 'LIVE' | 'ENDED' | 'ARCHIVED')[]) =>
      (await listPlacements(database.db, 'BANNER', { first: 10, filter: { status } }, new Date())).edges.map((e) => e.node.texts.en.title);
    expect(await list()).toEqual(['live', 'soon', 'over']);
    expect(await list(['LIVE'])).toEqual(['live']);
    expect(await list(['SCHEDULED'])).toEqual(['soon']);
    expect(await list(['ENDED'])).toEqual(['over']);
    expect(await list(['ARCHIVED'])).toEqual(['gone']);
  });

  test('targeting: a banner for some channels and languages shows only there; none listed means everywhere', async () => {
    await createdPlacement(database.db, 'BANNER', { texts: [{ locale: 'en', title: 'everywhere' }] });
    await createdPlacement(database.db, 'BANNER', { texts: [{ locale: 'en', title: 'app in Thai' }], channels: ['MOBILE_APP'], locales: ['th'] });
    expect(titles(await storefrontBanners(database.db, 'ONLINE_STORE', 'th'))).toEqual(['everywhere']);
    expect(titles(await storefrontBanners(database.db, 'MOBILE_APP', 'en'))).toEqual(['everywhere']);
    expect(titles(await storefrontBanners(database.db, 'MOBILE_APP', 'th'))).toEqual(['everywhere', 'app in Thai']);
  });

  test('texts answer in the requested language, else in English, and say which', async () => {
    await createdPlacement(database.db, 'BANNER');
    const [thai] = await storefrontBanners(database.db, 'ONLINE_STORE', 'th');
    expect(thai).toMatchObject({ title: 'ลดราคาหน้าร้อน', body: 'ลดสูงสุด 50%', locale: 'th', imageUrl: 'https://cdn.example.test/summer.jpg', linkUrl: '/sale/summer' });
    const [traditional] = await storefrontBanners(database.db, 'ONLINE_STORE', 'zh-TW');
    expect(traditional).toMatchObject({ title: 'Summer sale', locale: 'en' });
    expect(Object.keys(traditional!).sort()).toEqual(['body', 'id', 'imageUrl', 'linkUrl', 'locale', 'title']);
  });

  test('new placements go last; reorder puts the named ones first and the rest after in their order', async () => {
    const rows: PlacementRow[] = [];
    for (const title of ['one', 'two', 'three', 'four']) rows.push(await createdPlacement(database.db, 'ANNOUNCEMENT', { texts: [{ locale: 'en', title }] }));
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2, 3]);
    expect(titles(await storefrontAnnouncements(database.db, 'ONLINE_STORE', 'en'))).toEqual(['one', 'two', 'three', 'four']);
    const reordered = await mutate(database.db, (tx, changes) => reorderPlacements(tx, 'ANNOUNCEMENT', [rows[2]!.id, rows[0]!.id], changes));
    expect(reordered.ok && reordered.value.map((r) => [r.texts.en.title, r.position])).toEqual([['three', 0], ['one', 1], ['two', 2], ['four', 3]]);
    expect(titles(await storefrontAnnouncements(database.db, 'ONLINE_STORE', 'en'))).toEqual(['three', 'one', 'two', 'four']);
  });

  test('the staff list pages through display order with cursors, without repeating or skipping', async () => {
    for (const title of ['a', 'b', 'c', 'd', 'e']) await createdPlacement(database.db, 'BANNER', { texts: [{ locale: 'en', title }] });
    const first = await listPlacements(database.db, 'BANNER', { first: 2 });
    const second = await listPlacements(database.db, 'BANNER', { first: 2, after: first.pageInfo.endCursor });
    const third = await listPlacements(database.db, 'BANNER', { first: 2, after: second.pageInfo.endCursor });
    expect([first, second, third].map((page) => page.edges.map((e) => e.node.texts.en.title))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect(await first.totalCount()).toBe(5);
  });

  test('reorder refuses an id twice, a banner id among announcements and an archived one, changing nothing', async () => {
    const first = await createdPlacement(database.db, 'ANNOUNCEMENT');
    const archived = await createdPlacement(database.db, 'ANNOUNCEMENT');
    await mutate(database.db, (tx, changes) => archivePlacement(tx, 'ANNOUNCEMENT', archived.id, changes));
    const banner = await createdPlacement(database.db, 'BANNER');
    const result = await mutate(database.db, (tx, changes) => reorderPlacements(tx, 'ANNOUNCEMENT', [first.id, first.id, banner.id, archived.id], changes));
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { code: 'DUPLICATE_ID', field: ['input', 'ids', '1'] },
        { code: 'ANNOUNCEMENT_NOT_FOUND', field: ['input', 'ids', '2'] },
        { code: 'ANNOUNCEMENT_NOT_FOUND', field: ['input', 'ids', '3'] },
      ],
    });
  });

  test('parallel creates each take their own next position', async () => {
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => createdPlacement(database.db, 'BANNER', { texts: [{ locale: 'en', title: `b${i}` }] })));
    expect(created.map((r) => r.position).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  test('every mistake in the input is a coded userError at its path, and nothing is written', async () => {
    const create = (input: Record<string, unknown>) => mutate(database.db, (tx, changes) => createPlacement(tx, 'BANNER', makePlacementInput(input), changes));
    const result = await create({
      texts: [
        { locale: 'th', title: 'x'.repeat(121) },
        { locale: 'th', title: 'สอง' },
        { locale: 'fr', title: 'Soldes' },
      ],
      imageUrl: 'javascript:alert(1)',
      linkUrl: '//evil.example',
      channels: ['MOBILE_APP', 'MOBILE_APP'],
      locales: ['en', 'xx'],
    });
    expect(result.ok).toBe(false);
    const errors = !result.ok ? result.errors : [];
    expect(errors.map((e) => [e.code, e.field?.join('.')]).sort()).toEqual(
      [
        ['DUPLICATE_CHANNEL', 'input.channels'],
        ['DUPLICATE_LOCALE', 'input.texts.1.locale'],
        ['ENGLISH_REQUIRED', 'input.texts'],
        ['INVALID_LOCALE', 'input.locales.1'],
        ['INVALID_LOCALE', 'input.texts.2.locale'],
        ['INVALID_TEXT', 'input.texts.0.title'],
        ['INVALID_URL', 'input.imageUrl'],
        ['INVALID_URL', 'input.linkUrl'],
      ].sort(),
    );
    expect(errors.find((e) => e.code === 'INVALID_TEXT')!.message).toBe('Write 1 to 120 characters.');
    expect(await create({ texts: [{ locale: 'th', title: 'ไทย' }, { locale: 'th', title: 'อีก' }] })).toMatchObject({
      ok: false,
      errors: [{ code: 'DUPLICATE_LOCALE', field: ['input', 'texts', '1', 'locale'] }, { code: 'ENGLISH_REQUIRED', field: ['input', 'texts'] }],
    });
    const now = Date.now();
    expect(await create({ startsAt: new Date(now), endsAt: new Date(now) })).toMatchObject({ ok: false, errors: [{ code: 'INVALID_SCHEDULE', field: ['input', 'endsAt'] }] });
    expect(await create({ imageUrl: null })).toMatchObject({ ok: false, errors: [{ code: 'IMAGE_REQUIRED', field: ['input', 'imageUrl'] }] });
    expect(await database.db.$count(placement)).toBe(0);
  });

  test('update keeps omitted fields, clears linkUrl and endsAt with null, and checks the schedule against what is stored', async () => {
    const startsAt = new Date(Date.now() - HOUR);
    const banner = await createdPlacement(database.db, 'BANNER', { startsAt, endsAt: new Date(Date.now() + HOUR), channels: ['MOBILE_APP'] });
    const update = (input: Record<string, unknown>) => mutate(database.db, (tx, changes) => updatePlacement(tx, 'BANNER', { id: banner.id, ...input }, changes));
    const cleared = await update({ linkUrl: null, endsAt: null, imageUrl: null });
    expect(cleared).toMatchObject({ ok: true, value: { linkUrl: null, endsAt: null, imageUrl: 'https://cdn.example.test/summer.jpg', channels: ['MOBILE_APP'] } });
    expect(await update({ endsAt: new Date(startsAt.getTime() - 1) })).toMatchObject({ ok: false, errors: [{ code: 'INVALID_SCHEDULE', field: ['input', 'endsAt'] }] });
    expect(await mutate(database.db, (tx, changes) => updatePlacement(tx, 'ANNOUNCEMENT', { id: banner.id }, changes))).toMatchObject({
      ok: false,
      errors: [{ code: 'ANNOUNCEMENT_NOT_FOUND', field: ['input', 'id'] }],
    });
    await mutate(database.db, (tx, changes) => archivePlacement(tx, 'BANNER', banner.id, changes));
    expect(await update({ linkUrl: '/x' })).toMatchObject({ ok: false, errors: [{ code: 'ARCHIVED' }] });
  });
});

describe('articles', () => {
  test('storefronts read only published articles whose time has come, newest first; drafts and archived ones are not found', async () => {
    const now = Date.now();
    await createdArticle(database.db, 'draft-one');
    await createdArticle(database.db, 'older', new Date(now - 2 * HOUR));
    await createdArticle(database.db, 'newer', new Date(now - HOUR));
    await createdArticle(database.db, 'later', new Date(now + HOUR));
    const gone = await createdArticle(database.db, 'gone', new Date(now - HOUR));
    await mutate(database.db, (tx, changes) => archiveArticle(tx, gone.id, changes));
    const page = await storefrontArticles(database.db, { first: 10 }, 'en');
    expect(page.edges.map((e) => e.node.slug)).toEqual(['newer', 'older']);
    expect(await page.totalCount()).toBe(2);
    for (const slug of ['draft-one', 'later', 'gone', 'missing']) expect(await storefrontArticle(database.db, slug, 'en')).toBeNull();
    expect(await storefrontArticle(database.db, 'later', 'en', new Date(now + HOUR))).toMatchObject({ slug: 'later' });
  });

  test('an article answers in Arabic where written, else in English, with its Markdown rendered', async () => {
    await createdArticle(database.db, 'hello', new Date(Date.now() - HOUR));
    expect(await storefrontArticle(database.db, 'hello', 'ar')).toMatchObject({ title: 'عن hello', summary: null, bodyHtml: '<p>مرحبا <strong>بكم</strong></p>', locale: 'ar' });
    expect(await storefrontArticle(database.db, 'HELLO', 'th')).toMatchObject({
      title: 'About hello',
      body: '# Hello\n\nSome **bold** words.',
      bodyHtml: '<h1>Hello</h1>\n<p>Some <strong>bold</strong> words.</p>',
      locale: 'en',
    });
  });

  test('raw HTML and script links in Markdown never reach the rendered body', async () => {
    const created = await mutate(database.db, (tx, changes) =>
      createArticle(tx, makeArticleInput('xss', { texts: [{ locale: 'en', title: 'x', body: '<script>alert(1)</script> [tap](javascript:alert(1)) <img src=x onerror=alert(1)>' }] }), changes),
    );
    expect(created.ok).toBe(true);
    const html = created.ok ? created.value.texts.en.bodyHtml : '';
    expect(html).not.toMatch(/<script|<img|href="javascript/);
    expect(html).toContain('&lt;script&gt;');
  });

  test('slugs are unique and well formed; publishing without a time keeps the first time', async () => {
    const first = await createdArticle(database.db, 'news', new Date(Date.now() - HOUR));
    expect(await mutate(database.db, (tx, changes) => createArticle(tx, makeArticleInput('News'), changes))).toMatchObject({
      ok: false,
      errors: [{ code: 'SLUG_TAKEN', field: ['input', 'slug'] }],
    });
    expect(await mutate(database.db, (tx, changes) => createArticle(tx, makeArticleInput('not a slug!'), changes))).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_SLUG', field: ['input', 'slug'] }],
    });
    const other = await createdArticle(database.db, 'other');
    expect(await mutate(database.db, (tx, changes) => updateArticle(tx, { id: other.id, slug: 'news' } as { id: string }, changes))).toMatchObject({
      ok: false,
      errors: [{ code: 'SLUG_TAKEN' }],
    });
    const again = await mutate(database.db, (tx, changes) => publishArticle(tx, { id: first.id }, changes));
    expect(again.ok && again.value.publishedAt).toEqual(first.publishedAt);
  });
});

test('the answer locale: the argument, else Accept-Language by quality, else English', () => {
  expect(answerLocale('th-TH', 'ar')).toBe('th');
  expect(answerLocale(null, 'fr;q=0.9, zh-Hant-TW;q=0.8, en;q=0.5')).toBe('zh-TW');
  expect(answerLocale(null, 'zh-SG')).toBe('zh-CN');
  expect(answerLocale('zh-Hans-HK', null)).toBe('zh-CN');
  expect(answerLocale('zh-HK', null)).toBe('zh-TW');
  expect(answerLocale('fr', 'th')).toBe('en');
  expect(answerLocale(undefined, undefined)).toBe('en');
});

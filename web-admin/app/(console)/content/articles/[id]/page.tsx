import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';

import { ArticleEditor } from '@/components/content/article-editor';
import type { ContentLocale } from '@/components/content/locales';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { shopDateTimeFormat } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { ArticleDetail } from '../../content.graphql';

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'content')) return <Forbidden />;
  const { id } = await params;
  const [{ data, errors }, locale, t] = await Promise.all([request(ArticleDetail, { id }), getLocale(), getTranslations('content')]);
  const article = data?.contentArticle;
  if (!article) return errors.length ? pageFailure(errors) : notFound();
  const format = shopDateTimeFormat(locale, shop);
  const state =
    article.status === 'PUBLISHED' && article.publishedAt
      ? t(article.live ? 'publishedAt' : 'scheduledFor', { at: format.format(new Date(article.publishedAt)) })
      : t(`status.${article.status}`);
  return (
    <>
      <PageHeader title={article.texts.find((text) => text.locale === 'en')?.title ?? article.slug} description={state} />
      <ArticleEditor
        draft={{
          id: article.id,
          slug: article.slug,
          texts: Object.fromEntries(article.texts.map((text) => [text.locale as ContentLocale, { title: text.title, summary: text.summary ?? '', body: text.body }])),
          coverImageUrl: article.coverImageUrl ?? '',
          status: article.status,
        }}
        editable={viewer.scopes.includes('marketing:write') && article.status !== 'ARCHIVED'}
        timeZone={shop.timeZone}
      />
    </>
  );
}

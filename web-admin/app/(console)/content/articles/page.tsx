import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';

import { ArticlesTable, type ArticleListRow } from '@/components/content/articles-table';
import { ContentTabs } from '@/components/content/content-tabs';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { allows } from '@/lib/access';
import { pageVariables, type SearchParams } from '@/lib/connection';
import { shopDateTimeFormat } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { ArticlesList } from '../content.graphql';

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'content')) return <Forbidden />;
  const params = await searchParams;
  const [{ data, errors }, locale, t] = await Promise.all([request(ArticlesList, pageVariables(params)), getLocale(), getTranslations('content')]);
  if (!data?.contentArticles) return pageFailure(errors);
  const format = shopDateTimeFormat(locale, shop);
  const rows: ArticleListRow[] = data.contentArticles.edges.map(({ node }) => ({
    id: node.id,
    title: node.texts.find((text) => text.locale === 'en')?.title ?? node.slug,
    slug: node.slug,
    status: node.status,
    live: node.live,
    publishedAt: node.publishedAt ? format.format(new Date(node.publishedAt)) : null,
    updatedAt: format.format(new Date(node.updatedAt)),
  }));
  return (
    <>
      <PageHeader
        title={t('title')}
        extra={viewer.scopes.includes('marketing:write') ? <Link href="/content/articles/new" data-testid="article-new">{t('newArticle')}</Link> : undefined}
      />
      <ContentTabs />
      <ArticlesTable rows={rows} />
      <Pager totalCount={data.contentArticles.totalCount} pageInfo={data.contentArticles.pageInfo} />
    </>
  );
}

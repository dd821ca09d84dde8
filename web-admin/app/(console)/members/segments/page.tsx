import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';

import { SegmentsTable, type SegmentListRow } from '@/components/members/segments/segments-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { allows } from '@/lib/access';
import { pageVariables, type SearchParams } from '@/lib/connection';
import { formatDateTime, formatNumber } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { SegmentsList } from './segments.graphql';

export default async function SegmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'members')) return <Forbidden />;
  const params = await searchParams;
  const [{ data, errors }, locale, t] = await Promise.all([
    request(SegmentsList, pageVariables(params)),
    getLocale(),
    getTranslations('segments'),
  ]);
  if (!data?.segments) return pageFailure(errors);
  const rows: SegmentListRow[] = data.segments.edges.map(({ node }) => ({
    id: node.id,
    name: node.name,
    description: node.description ?? null,
    size: formatNumber(node.size, locale),
    refreshedAt: node.refreshedAt ? formatDateTime(node.refreshedAt, locale, shop) : null,
  }));
  return (
    <>
      <PageHeader
        title={t('title')}
        extra={viewer.scopes.includes('members:write') ? <Link href="/members/segments/new" data-testid="segment-new">{t('new')}</Link> : undefined}
      />
      <SegmentsTable rows={rows} />
      <Pager totalCount={data.segments.totalCount} pageInfo={data.segments.pageInfo} />
    </>
  );
}

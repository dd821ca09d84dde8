import { getLocale, getTranslations } from 'next-intl/server';

import { CouponsTable, type CouponRow } from '@/components/coupons/coupons-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { allows } from '@/lib/access';
import { pageVariables, type SearchParams } from '@/lib/connection';
import { formatDate } from '@/lib/format';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { CouponsList } from './coupons.graphql';

export default async function CouponsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'coupons')) return <Forbidden />;
  const [{ data, errors }, locale, t] = await Promise.all([
    request(CouponsList, pageVariables(await searchParams)),
    getLocale(),
    getTranslations('coupons'),
  ]);
  if (!data?.coupons) return pageFailure(errors);
  const { coupons } = data;
  const rows: CouponRow[] = coupons.edges.map(({ node }) => ({
    id: node.id,
    code: node.code,
    title: node.title,
    kind: node.kind,
    status: node.status,
    startsAt: formatDate(node.startsAt, locale),
    endsAt: formatDate(node.endsAt, locale),
  }));
  return (
    <>
      <PageHeader title={t('title')} />
      <CouponsTable rows={rows} />
      <Pager totalCount={coupons.totalCount} pageInfo={coupons.pageInfo} />
    </>
  );
}

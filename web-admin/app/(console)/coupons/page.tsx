import { getLocale, getTranslations } from 'next-intl/server';

import { CouponsFilter } from '@/components/coupons/coupons-filter';
import { CouponsTable, type CouponRow } from '@/components/coupons/coupons-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { allows } from '@/lib/access';
import { pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDate, formatMoney, formatNumber } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { CouponsList, type CouponStatus } from './coupons.graphql';

const STATUSES: readonly string[] = ['SCHEDULED', 'ACTIVE', 'EXPIRED', 'ARCHIVED'];

/** The coupon templates with a status filter, and per coupon what was handed out, redeemed and given off (the redemption report). */
export default async function CouponsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'coupons')) return <Forbidden />;
  const search = await searchParams;
  const status = param(search, 'status');
  const filter = status && STATUSES.includes(status) ? { status: [status as CouponStatus] } : null;
  const [{ data, errors }, locale, t] = await Promise.all([
    request(CouponsList, { ...pageVariables(search), filter }),
    getLocale(),
    getTranslations('coupons'),
  ]);
  if (!data?.coupons) return pageFailure(errors);
  const { coupons } = data;
  const shop = await getShopSettings();
  const rows: CouponRow[] = coupons.edges.map(({ node }) => ({
    id: node.id,
    code: node.code ?? null,
    title: node.title,
    kind: node.kind,
    status: node.status,
    startsAt: formatDate(node.startsAt, locale, shop),
    endsAt: formatDate(new Date(Date.parse(node.endsAt) - 1).toISOString(), locale, shop),
    issued: `${formatNumber(node.issuedCount, locale)} / ${node.totalQuantity == null ? t('unlimited') : formatNumber(node.totalQuantity, locale)}`,
    redeemed: formatNumber(node.redeemedCount, locale),
    discount: formatMoney(node.redeemedDiscount, locale),
  }));
  return (
    <>
      <PageHeader title={t('title')} extra={<CouponsFilter canCreate={viewer.scopes.includes('marketing:write')} />} />
      <CouponsTable rows={rows} />
      <Pager totalCount={coupons.totalCount} pageInfo={coupons.pageInfo} />
    </>
  );
}

import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { CouponForm } from '@/components/coupons/coupon-form';
import { CouponIssuance } from '@/components/coupons/coupon-issuance';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { formatDateTime } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { shopDayOf } from '@/lib/shop-time';
import { getViewer } from '@/lib/viewer';

import { CouponEdit, CouponSegmentOptions, type CouponLocale } from '../coupons.graphql';

export default async function CouponPage({ params }: { params: Promise<{ id: string }> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'coupons')) return <Forbidden />;
  const { id } = await params;
  const [{ data, errors }, segmentAnswer, t, locale] = await Promise.all([
    request(CouponEdit, { id }),
    request(CouponSegmentOptions, {}),
    getTranslations('coupons'),
    getLocale(),
  ]);
  if (!data) return pageFailure(errors);
  const coupon = data.coupon;
  if (!coupon) notFound();
  const segments = (segmentAnswer.data?.segments?.edges ?? []).map(({ node }) => ({ id: node.id, name: node.name, size: node.size }));
  // The last day shown is the day before the (exclusive) end.
  const lastDay = shopDayOf(new Date(Date.parse(coupon.endsAt) - 1).toISOString(), shop.timeZone);
  const editable = viewer.scopes.includes('marketing:write') && coupon.status !== 'ARCHIVED';
  return (
    <>
      <PageHeader title={`${t('edit')}: ${coupon.title}`} description={t(`status.${coupon.status}`)} />
      <CouponForm
        editable={editable}
        segments={segments}
        draft={{
          id: coupon.id,
          code: coupon.code ?? '',
          title: coupon.title,
          titles: Object.fromEntries(coupon.titles.filter((x) => x.locale !== 'en').map((x) => [x.locale, x.text])) as Partial<Record<CouponLocale, string>>,
          kind: coupon.kind,
          percentOff: coupon.percentOff ?? null,
          amountOff: coupon.amountOff?.amount ?? '',
          maxDiscount: coupon.maxDiscount?.amount ?? '',
          currencyCode: coupon.minimumSpend.currencyCode,
          minimumSpend: coupon.minimumSpend.amount === '0' || /^0(\.0+)?$/.test(coupon.minimumSpend.amount) ? '' : coupon.minimumSpend.amount,
          scope: coupon.scope,
          scopeIds: coupon.scopeIds.join('\n'),
          firstDay: shopDayOf(coupon.startsAt, shop.timeZone),
          lastDay,
          totalQuantity: coupon.totalQuantity ?? null,
          perMemberLimit: coupon.perMemberLimit ?? null,
          channels: coupon.channels,
          tiers: coupon.tiers,
          segmentIds: coupon.segmentIds,
          combinable: coupon.combinable,
          claimable: coupon.claimable,
        }}
      />
      <CouponIssuance
        couponId={coupon.id}
        editable={editable}
        segments={segments}
        batches={coupon.batches.map((b) => ({ ...b, createdAt: formatDateTime(b.createdAt, locale, shop), downloadUrl: b.downloadUrl ?? null }))}
      />
    </>
  );
}

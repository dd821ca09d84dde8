import { getTranslations } from 'next-intl/server';

import { CouponForm } from '@/components/coupons/coupon-form';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { request } from '@/lib/graphql';
import { getShopSettings } from '@/lib/shop-settings';
import { nextDay, shopToday } from '@/lib/shop-time';
import { getViewer } from '@/lib/viewer';

import { CouponSegmentOptions } from '../coupons.graphql';

export default async function NewCouponPage() {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'coupons')) return <Forbidden />;
  const [t, { data }, shop] = await Promise.all([getTranslations('coupons'), request(CouponSegmentOptions, {}), getShopSettings()]);
  const segments = (data?.segments?.edges ?? []).map(({ node }) => ({ id: node.id, name: node.name }));
  const today = shopToday(shop.timeZone);
  let lastDay = today;
  for (let i = 0; i < 30; i++) lastDay = nextDay(lastDay);
  return (
    <>
      <PageHeader title={t('new')} />
      <CouponForm
        editable={viewer.scopes.includes('marketing:write')}
        segments={segments}
        draft={{
          id: null, code: '', title: '', titles: {}, kind: 'PERCENTAGE', percentOff: 10, amountOff: '', maxDiscount: '', currencyCode: 'THB',
          minimumSpend: '', scope: 'ALL', scopeIds: '', firstDay: today, lastDay, totalQuantity: null, perMemberLimit: null,
          channels: [], tiers: [], segmentIds: [], combinable: true, claimable: false,
        }}
      />
    </>
  );
}

import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';

import { CampaignEditor } from '@/components/group-buys/campaign-editor';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { toShopLocal } from '@/lib/shop-time';
import { getViewer } from '@/lib/viewer';

import { GroupBuyCampaignDetail } from '../group-buys.graphql';

export default async function GroupBuyCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'groupBuys')) return <Forbidden />;
  const { id } = await params;
  const [{ data, errors }, t] = await Promise.all([request(GroupBuyCampaignDetail, { id }), getTranslations('groupBuys')]);
  const campaign = data?.groupBuyCampaign;
  if (!campaign) return errors.length ? pageFailure(errors) : notFound();
  const titles = { en: '', th: '', 'zh-CN': '', 'zh-TW': '', ar: '' } as Record<string, string>;
  for (const { locale, text } of campaign.titles) titles[locale] = text;
  return (
    <>
      <PageHeader title={campaign.title} description={`${t(`status.${campaign.status}`)} · ${t('timeZoneNote', { timeZone: shop.timeZone })}`} />
      <CampaignEditor
        draft={{
          id: campaign.id,
          product: { id: campaign.product.id, title: campaign.product.title ?? campaign.product.id },
          titles,
          amount: campaign.groupPrice.amount,
          currencyCode: campaign.groupPrice.currencyCode,
          groupSize: campaign.groupSize,
          fillMinutes: campaign.fillMinutes,
          startsAt: toShopLocal(campaign.startsAt, shop.timeZone),
          endsAt: toShopLocal(campaign.endsAt, shop.timeZone),
        }}
        editable={viewer.scopes.includes('marketing:write') && !campaign.archivedAt}
      />
    </>
  );
}

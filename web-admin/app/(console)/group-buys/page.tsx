import { getLocale, getTranslations } from 'next-intl/server';

import { CampaignsTable, type CampaignRow } from '@/components/group-buys/campaigns-table';
import { GroupBuysNav } from '@/components/group-buys/group-buys-nav';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { allows } from '@/lib/access';
import { pageVariables, type SearchParams } from '@/lib/connection';
import { formatDateTime, formatMoney } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { GroupBuyCampaignsList } from './group-buys.graphql';

export default async function GroupBuyCampaignsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'groupBuys')) return <Forbidden />;
  const [{ data, errors }, locale, t] = await Promise.all([
    request(GroupBuyCampaignsList, pageVariables(await searchParams)),
    getLocale(),
    getTranslations('groupBuys'),
  ]);
  if (!data?.groupBuyCampaigns) return pageFailure(errors);
  const { groupBuyCampaigns: campaigns } = data;
  const shop = await getShopSettings();
  const { timeZone } = shop;
  const rows: CampaignRow[] = campaigns.edges.map(({ node }) => ({
    id: node.id,
    title: node.title,
    product: node.product.title ?? node.product.id,
    status: node.status,
    groupPrice: formatMoney(node.groupPrice, locale),
    groupSize: node.groupSize,
    fillMinutes: node.fillMinutes,
    startsAt: formatDateTime(node.startsAt, locale, shop),
    endsAt: formatDateTime(node.endsAt, locale, shop),
    counts: node.groupCounts,
  }));
  return (
    <>
      <PageHeader title={t('title')} description={t('timeZoneNote', { timeZone })} extra={<GroupBuysNav current="campaigns" canWrite={viewer.scopes.includes('marketing:write')} />} />
      <CampaignsTable rows={rows} />
      <Pager totalCount={campaigns.totalCount} pageInfo={campaigns.pageInfo} />
    </>
  );
}

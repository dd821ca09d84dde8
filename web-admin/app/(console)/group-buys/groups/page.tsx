import { getLocale, getTranslations } from 'next-intl/server';

import { GroupBuysNav } from '@/components/group-buys/group-buys-nav';
import { GroupStatusFilter } from '@/components/group-buys/group-status-filter';
import { GroupsTable, type GroupRow } from '@/components/group-buys/groups-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { allows } from '@/lib/access';
import { pageVariables, type SearchParams } from '@/lib/connection';
import { formatDateTime } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { GroupBuyGroupsList, type GroupBuyGroupStatus } from '../group-buys.graphql';

const STATUSES: readonly GroupBuyGroupStatus[] = ['OPEN', 'SUCCEEDED', 'FAILED'];

/** The monitor: every group, newest first, optionally of one state or one campaign. */
export default async function GroupBuyGroupsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'groupBuys')) return <Forbidden />;
  const params = await searchParams;
  const status = STATUSES.find((s) => s === params.status) ?? null;
  const campaignId = typeof params.campaign === 'string' ? params.campaign : null;
  const [{ data, errors }, locale, t] = await Promise.all([
    request(GroupBuyGroupsList, { ...pageVariables(params), filter: { status, campaignId } }),
    getLocale(),
    getTranslations('groupBuys'),
  ]);
  if (!data?.groupBuyGroups) return pageFailure(errors);
  const { groupBuyGroups: groups } = data;
  const shop = await getShopSettings();
  const { timeZone } = shop;
  const rows: GroupRow[] = groups.edges.map(({ node }) => ({
    id: node.id,
    title: node.title,
    campaignId: node.campaign?.id ?? null,
    status: node.status,
    size: node.size,
    joined: node.joined,
    paid: node.paid,
    timeLeft:
      node.status === 'OPEN'
        ? t('timeLeft', { hours: Math.floor(node.secondsLeft / 3600), minutes: Math.floor((node.secondsLeft % 3600) / 60) })
        : null,
    expiresAt: formatDateTime(node.expiresAt, locale, shop),
    closedAt: node.closedAt ? formatDateTime(node.closedAt, locale, shop) : null,
    openedAt: formatDateTime(node.createdAt, locale, shop),
  }));
  return (
    <>
      <PageHeader
        title={t('monitor.title')}
        description={t('timeZoneNote', { timeZone })}
        extra={<GroupBuysNav current="groups" canWrite={viewer.scopes.includes('marketing:write')} />}
      />
      <GroupStatusFilter value={status} />
      <GroupsTable rows={rows} />
      <Pager totalCount={groups.totalCount} pageInfo={groups.pageInfo} />
    </>
  );
}

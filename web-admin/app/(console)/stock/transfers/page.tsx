import { getLocale, getTranslations } from 'next-intl/server';

import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { StockTabs } from '@/components/stock/stock-tabs';
import { TransfersTable } from '@/components/stock/transfers-table';
import { allows } from '@/lib/access';
import { mapNodes, pageVariables, type SearchParams } from '@/lib/connection';
import { formatDateTime } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { StockTransfersList } from './transfers.graphql';

/** Transfers between warehouses: DRAFT → IN_TRANSIT (ship) → RECEIVED (receive). */
export default async function StockTransfersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'stock')) return <Forbidden />;
  const [{ data, errors }, locale, t] = await Promise.all([
    request(StockTransfersList, pageVariables(await searchParams)),
    getLocale(),
    getTranslations('stock'),
  ]);
  if (!data?.stockTransfers) return pageFailure(errors);
  const { stockTransfers } = data;
  const transfers = mapNodes(stockTransfers, (node) => ({ ...node, createdAt: formatDateTime(node.createdAt, locale, shop) }));
  return (
    <>
      <PageHeader title={t('title')} description={t('transfers.description')} />
      <StockTabs canWrite={can(viewer, 'stock:write')} />
      <TransfersTable transfers={transfers} warehouses={data.warehouses ?? []} canWrite={can(viewer, 'stock:write')} />
    </>
  );
}

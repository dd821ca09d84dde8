import { getLocale, getTranslations } from 'next-intl/server';

import { AfterSalesFilters } from '@/components/after-sales/after-sales-filters';
import { parseList, REASONS, REQUEST_KINDS, REQUEST_STATUSES } from '@/components/after-sales/after-sales-enums';
import { ReturnRequestsTable, type ReturnRequestRow } from '@/components/after-sales/return-requests-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { allows } from '@/lib/access';
import { pageVariables, param, type SearchParams } from '@/lib/connection';
import { formatDateTime, formatMoney } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { AfterSalesQueue } from './after-sales.graphql';

/** The after-sales queue: requests newest first, filtered by status, kind and reason (and one order, from the order page). */
export default async function AfterSalesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'afterSales')) return <Forbidden />;
  const params = await searchParams;
  const orderId = param(params, 'order');
  const filter = {
    status: parseList(param(params, 'status'), REQUEST_STATUSES),
    kind: parseList(param(params, 'kind'), REQUEST_KINDS),
    reasonCode: parseList(param(params, 'reason'), REASONS),
    orderId,
  };
  const [{ data, errors }, locale, t] = await Promise.all([
    request(AfterSalesQueue, { ...pageVariables(params), filter }),
    getLocale(),
    getTranslations('afterSales'),
  ]);
  if (!data?.returnRequests) return pageFailure(errors);
  const { returnRequests } = data;
  const shop = await getShopSettings();
  const rows: ReturnRequestRow[] = returnRequests.edges.map(({ node }) => ({
    id: node.id,
    number: node.number,
    orderId: node.order?.id ?? null,
    orderNumber: node.order?.number ?? null,
    kind: node.kind,
    status: node.status,
    reasonCode: node.reasonCode,
    openedBy: node.openedBy,
    createdAt: formatDateTime(node.createdAt, locale, shop),
    refunded: formatMoney(node.refunded, locale),
  }));
  const orderNumber = orderId ? (rows[0]?.orderNumber ?? orderId) : null;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <AfterSalesFilters orderNumber={orderNumber} />
      <ReturnRequestsTable rows={rows} />
      <Pager totalCount={returnRequests.totalCount} pageInfo={returnRequests.pageInfo} />
    </>
  );
}

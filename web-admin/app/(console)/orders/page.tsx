import { getLocale, getTranslations } from 'next-intl/server';

import { OrdersTable, type OrderRow } from '@/components/orders/orders-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { allows } from '@/lib/access';
import { pageVariables, type SearchParams } from '@/lib/connection';
import { formatDateTime, formatMoney } from '@/lib/format';
import { request } from '@/lib/graphql';
import { getViewer } from '@/lib/viewer';

import { OrdersList } from './orders.graphql';

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'orders')) return <Forbidden />;
  const [{ data, errors }, locale, t] = await Promise.all([
    request(OrdersList, pageVariables(await searchParams)),
    getLocale(),
    getTranslations('orders'),
  ]);
  if (!data?.orders) return pageFailure(errors);
  const { orders } = data;
  const rows: OrderRow[] = orders.edges.map(({ node }) => ({
    id: node.id,
    number: node.number,
    status: node.status,
    channel: node.channel,
    member: node.member?.displayName ?? t('guest'),
    total: formatMoney(node.total, locale),
    createdAt: formatDateTime(node.createdAt, locale),
  }));
  return (
    <>
      <PageHeader title={t('title')} />
      <OrdersTable rows={rows} />
      <Pager totalCount={orders.totalCount} pageInfo={orders.pageInfo} />
    </>
  );
}

import { getLocale, getTranslations } from 'next-intl/server';

import { OrderFilters } from '@/components/orders/order-filters';
import { NewOrderButton } from '@/components/orders/order-links';
import { listStateParams, paramsOf, readListState } from '@/components/orders/order-list-params';
import { OrderSavedViews } from '@/components/orders/order-saved-views';
import { OrderStatusTabs } from '@/components/orders/order-status-tabs';
import type { OrderRow } from '@/components/orders/orders-columns';
import { OrdersTable } from '@/components/orders/orders-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { allows } from '@/lib/access';
import { mapNodes, pageVariables, type SearchParams } from '@/lib/connection';
import { formatDateTime, formatMoney } from '@/lib/format';
import { getShopSettings } from '@/lib/shop-settings';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { filterOf } from './order-list-filter';
import { OrdersList } from './orders.graphql';

/** Orders: saved views, filter bar, status tabs with counts, the list and its pager (orders:read). */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const shop = await getShopSettings();
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'orders')) return <Forbidden />;
  const params = await searchParams;
  const state = readListState(paramsOf(params));
  const flags = can(viewer, 'orders:read_internal');
  const filter = filterOf(state, flags);
  const [{ data, errors }, locale, t] = await Promise.all([
    request(OrdersList, { ...pageVariables(params), filter, sortKey: state.sort, reverse: state.reverse }),
    getLocale(),
    getTranslations('orders'),
  ]);
  if (!data?.orders) return pageFailure(errors);
  const { orders } = data;
  const rows = mapNodes(orders, (node): OrderRow => ({
    id: node.id,
    number: node.number,
    status: node.status,
    channel: node.channel,
    paymentState: node.paymentState,
    onHold: node.onHold === true,
    tags: node.tags,
    customer: node.member?.displayName ?? node.shippingAddress?.name ?? null,
    phone: node.shippingAddress?.phone ?? null,
    total: formatMoney(node.total, locale),
    createdAt: formatDateTime(node.createdAt, locale, shop),
  }));
  const keep = listStateParams(state);
  const { sort: _sort, reverse: _reverse, ...filters } = keep;
  const filtered = Object.values(filters).some((value) => value !== null);
  return (
    <>
      <PageHeader
        title={t('title')}
        extra={can(viewer, 'orders:write') && <NewOrderButton />}
      />
      <OrderSavedViews state={state} flags={flags} />
      {/* Remounted when a filter changes elsewhere (views, tabs); the search box follows the URL itself. */}
      <OrderFilters key={JSON.stringify({ ...keep, q: null })} state={state} flags={flags} />
      <OrderStatusTabs state={state} counts={data.orderCounts ?? []} />
      <OrdersTable orders={rows} filtered={filtered} keep={keep} batch={{ filter, canWrite: can(viewer, 'orders:write'), canPrint: can(viewer, 'orders:write') && can(viewer, 'members:read_pii') }} />
    </>
  );
}

import { getLocale, getTranslations } from 'next-intl/server';

import { OrderFilters } from '@/components/orders/order-filters';
import { NewOrderButton } from '@/components/orders/order-links';
import { listStateParams, paramsOf, readListState, type OrderListState } from '@/components/orders/order-list-params';
import { OrderSavedViews } from '@/components/orders/order-saved-views';
import { OrderStatusTabs } from '@/components/orders/order-status-tabs';
import { OrdersTable, type OrderRow } from '@/components/orders/orders-table';
import { Forbidden, pageFailure } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Pager } from '@/components/shell/pager';
import { allows } from '@/lib/access';
import { pageVariables, type SearchParams } from '@/lib/connection';
import { formatDateTime, formatMoney } from '@/lib/format';
import { request } from '@/lib/graphql';
import { can, getViewer } from '@/lib/viewer';

import { OrdersList, type OrderFilter } from './orders.graphql';

/** The next calendar day of `YYYY-MM-DD`, for an inclusive "to" day as an exclusive bound. */
function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

/** The URL's list state as the API's filter; days are UTC calendar days. */
/** The list filter; `flags` is whether the viewer may filter by flags (a fraud signal, orders:read_internal). */
function filterOf(state: OrderListState, flags: boolean): OrderFilter {
  const orNull = <T,>(values: T[]) => (values.length ? values : null);
  return {
    status: orNull(state.status),
    channel: orNull(state.channel),
    createdFrom: state.from ? `${state.from}T00:00:00.000Z` : null,
    createdTo: state.to ? dayAfter(state.to) : null,
    totalMin: state.min,
    totalMax: state.max,
    paymentState: orNull(state.pay),
    tag: state.tag,
    flagged: flags ? state.flagged : null,
    search: state.q,
  };
}

/** Orders: saved views, filter bar, status tabs with counts, the list and its pager (orders:read). */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await getViewer();
  if (!allows(viewer.scopes, 'orders')) return <Forbidden />;
  const params = await searchParams;
  const state = readListState(paramsOf(params));
  const flags = can(viewer, 'orders:read_internal');
  const [{ data, errors }, locale, t] = await Promise.all([
    request(OrdersList, { ...pageVariables(params), filter: filterOf(state, flags), sortKey: state.sort, reverse: state.reverse }),
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
    paymentState: node.paymentState,
    onHold: node.onHold === true,
    tags: node.tags,
    customer: node.member?.displayName ?? node.shippingAddress?.name ?? null,
    phone: node.shippingAddress?.phone ?? null,
    total: formatMoney(node.total, locale),
    createdAt: formatDateTime(node.createdAt, locale),
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
      <OrderFilters key={JSON.stringify(keep)} state={state} flags={flags} />
      <OrderStatusTabs state={state} counts={data.orderCounts ?? []} />
      <OrdersTable rows={rows} filtered={filtered} />
      <Pager totalCount={orders.totalCount} pageInfo={orders.pageInfo} keep={keep} />
    </>
  );
}

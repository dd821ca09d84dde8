'use client';

import { Badge, Tabs } from 'antd';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';

import { orderStatuses, type OrderStatus } from './order-enums';
import { listStateParams, queryString, type OrderListState } from './order-list-params';

const ALL = 'ALL';

/**
 * One tab per status with how many orders match the rest of the filter. A tab sets the
 * status filter to that one status; a view with several statuses selects no tab.
 */
export function OrderStatusTabs({
  state,
  counts,
}: {
  state: OrderListState;
  counts: { status: OrderStatus; count: number }[];
}) {
  const t = useTranslations('orders');
  const locale = useLocale();
  const router = useRouter();
  const countOf = (status: OrderStatus) => counts.find((c) => c.status === status)?.count ?? 0;
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const active = state.status.length === 0 ? ALL : state.status.length === 1 ? state.status[0]! : '';
  const label = (text: string, count: number, key: string) => (
    <span data-testid={`order-tab-${key}`} data-count={count}>
      {text} <Badge count={new Intl.NumberFormat(locale).format(count)} showZero color="var(--ant-color-fill-secondary)" style={{ color: 'inherit' }} />
    </span>
  );
  return (
    <Tabs
      activeKey={active}
      onChange={(key) =>
        router.push(queryString(listStateParams({ ...state, status: key === ALL ? [] : [key as OrderStatus] })))
      }
      items={[
        { key: ALL, label: label(t('allStatuses'), total, ALL) },
        ...orderStatuses.map((status) => ({ key: status, label: label(t(`status.${status}`), countOf(status), status) })),
      ]}
    />
  );
}

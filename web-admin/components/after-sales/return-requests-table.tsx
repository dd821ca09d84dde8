'use client';

import { Empty, Table, Tag } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { ReturnReasonCode, ReturnRequestKind, ReturnRequestStatus } from '@/app/(console)/after-sales/after-sales.graphql';

import { STATUS_COLORS } from './after-sales-enums';

/** A request as the queue shows it; money and dates are formatted on the server. */
export interface ReturnRequestRow {
  id: string;
  number: string;
  orderId: string | null;
  orderNumber: string | null;
  kind: ReturnRequestKind;
  status: ReturnRequestStatus;
  reasonCode: ReturnReasonCode;
  openedBy: 'CUSTOMER' | 'STAFF';
  createdAt: string;
  refunded: string;
}

export function ReturnRequestsTable({ rows }: { rows: ReturnRequestRow[] }) {
  const t = useTranslations('afterSales');
  return (
    <Table<ReturnRequestRow>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      data-testid="return-requests"
      onRow={(row) => ({ 'data-testid': 'return-request-row', 'data-number': row.number }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      columns={[
        {
          key: 'number',
          title: t('columns.number'),
          render: (_, row) => (
            <Link href={`/after-sales/${row.id}`} data-testid="return-request-link">
              <bdi>{row.number}</bdi>
            </Link>
          ),
        },
        {
          key: 'order',
          title: t('columns.order'),
          render: (_, row) => (row.orderId ? <Link href={`/orders/${row.orderId}`}><bdi>{row.orderNumber}</bdi></Link> : null),
        },
        { key: 'kind', title: t('columns.kind'), render: (_, row) => t(`kind.${row.kind}`) },
        {
          key: 'status',
          title: t('columns.status'),
          render: (_, row) => (
            <Tag color={STATUS_COLORS[row.status]} data-testid="return-request-status" data-status={row.status}>
              {t(`status.${row.status}`)}
            </Tag>
          ),
        },
        { key: 'reason', title: t('columns.reason'), render: (_, row) => t(`reason.${row.reasonCode}`) },
        { key: 'openedBy', title: t('columns.openedBy'), render: (_, row) => t(`openedBy.${row.openedBy}`) },
        { key: 'createdAt', title: t('columns.createdAt'), render: (_, row) => <bdi>{row.createdAt}</bdi> },
        { key: 'refunded', title: t('columns.refunded'), align: 'end', render: (_, row) => <bdi>{row.refunded}</bdi> },
      ]}
    />
  );
}

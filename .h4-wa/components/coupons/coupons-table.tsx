'use client';

import { Empty, Table, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import type { CouponKind, CouponStatus } from '@/app/(console)/coupons/coupons.graphql';

/** A coupon as the list shows it; texts are formatted on the server in the request's locale. */
export interface CouponRow {
  id: string;
  code: string;
  title: string;
  kind: CouponKind;
  status: CouponStatus;
  startsAt: string;
  endsAt: string;
}

const statusColors: Record<CouponStatus, string> = {
  SCHEDULED: 'blue',
  ACTIVE: 'green',
  EXPIRED: 'default',
  ARCHIVED: 'default',
};

export function CouponsTable({ rows }: { rows: CouponRow[] }) {
  const t = useTranslations('coupons');
  return (
    <Table<CouponRow>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      columns={[
        {
          key: 'code',
          dataIndex: 'code',
          title: t('columns.code'),
          render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
        },
        { key: 'title', dataIndex: 'title', title: t('columns.title') },
        {
          key: 'kind',
          dataIndex: 'kind',
          title: t('columns.kind'),
          render: (kind: CouponKind) => t(`kind.${kind}`),
        },
        {
          key: 'status',
          dataIndex: 'status',
          title: t('columns.status'),
          render: (status: CouponStatus) => (
            <Tag color={statusColors[status]}>{t(`status.${status}`)}</Tag>
          ),
        },
        { key: 'startsAt', dataIndex: 'startsAt', title: t('columns.startsAt') },
        { key: 'endsAt', dataIndex: 'endsAt', title: t('columns.endsAt') },
      ]}
    />
  );
}

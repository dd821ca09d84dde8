'use client';

import { Empty, Table, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { CouponKind, CouponStatus } from '@/app/(console)/coupons/coupons.graphql';

/** A coupon as the list shows it, with its redemption figures; texts are formatted on the server in the request's locale. */
export interface CouponRow {
  id: string;
  code: string | null;
  title: string;
  kind: CouponKind;
  status: CouponStatus;
  startsAt: string;
  endsAt: string;
  issued: string;
  redeemed: string;
  discount: string;
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
      data-testid="coupons-table"
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      columns={[
        {
          key: 'title',
          dataIndex: 'title',
          title: t('columns.title'),
          render: (title: string, row) => <Link href={`/coupons/${row.id}`}>{title}</Link>,
        },
        {
          key: 'code',
          dataIndex: 'code',
          title: t('columns.code'),
          render: (code: string | null) => (code ? <Typography.Text code>{code}</Typography.Text> : <Typography.Text type="secondary">{t('codesOnly')}</Typography.Text>),
        },
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
        { key: 'issued', dataIndex: 'issued', title: t('columns.quantity') },
        { key: 'redeemed', dataIndex: 'redeemed', title: t('columns.redeemed') },
        { key: 'discount', dataIndex: 'discount', title: t('columns.discount') },
      ]}
    />
  );
}

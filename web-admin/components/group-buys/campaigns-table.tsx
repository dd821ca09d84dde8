'use client';

import { Empty, Space, Table, Tag } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { GroupBuyCampaignStatus } from '@/app/(console)/group-buys/group-buys.graphql';

/** A campaign as the list shows it; texts are formatted on the server in the request's locale and the shop's zone. */
export interface CampaignRow {
  id: string;
  title: string;
  product: string;
  status: GroupBuyCampaignStatus;
  groupPrice: string;
  groupSize: number;
  fillMinutes: number;
  startsAt: string;
  endsAt: string;
  counts: { open: number; succeeded: number; failed: number };
}

export const campaignStatusColors: Record<GroupBuyCampaignStatus, string> = {
  SCHEDULED: 'blue',
  ACTIVE: 'green',
  ENDED: 'default',
  ARCHIVED: 'default',
};

export function CampaignsTable({ rows }: { rows: CampaignRow[] }) {
  const t = useTranslations('groupBuys');
  return (
    <Table<CampaignRow>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      data-testid="group-buy-campaigns"
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      columns={[
        { key: 'title', title: t('columns.title'), render: (_, row) => <Link href={`/group-buys/${row.id}`}>{row.title}</Link> },
        { key: 'product', dataIndex: 'product', title: t('columns.product') },
        { key: 'groupPrice', dataIndex: 'groupPrice', title: t('columns.groupPrice') },
        { key: 'groupSize', dataIndex: 'groupSize', title: t('columns.groupSize') },
        { key: 'fill', title: t('columns.fillTime'), render: (_, row) => t('minutes', { minutes: row.fillMinutes }) },
        {
          key: 'status',
          dataIndex: 'status',
          title: t('columns.status'),
          render: (status: GroupBuyCampaignStatus) => <Tag color={campaignStatusColors[status]}>{t(`status.${status}`)}</Tag>,
        },
        { key: 'schedule', title: t('columns.schedule'), render: (_, row) => `${row.startsAt} – ${row.endsAt}` },
        {
          key: 'groups',
          title: t('columns.groups'),
          render: (_, row) => (
            <Link href={`/group-buys/groups?campaign=${row.id}`}>
              <Space size={4} wrap>
                <Tag color="processing">{t('counts.open', { count: row.counts.open })}</Tag>
                <Tag color="success">{t('counts.succeeded', { count: row.counts.succeeded })}</Tag>
                <Tag color="error">{t('counts.failed', { count: row.counts.failed })}</Tag>
              </Space>
            </Link>
          ),
        },
      ]}
    />
  );
}

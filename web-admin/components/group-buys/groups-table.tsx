'use client';

import { Empty, Progress, Table, Tag, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { GroupBuyGroupStatus } from '@/app/(console)/group-buys/group-buys.graphql';

/** A group as the monitor shows it; times are formatted on the server in the shop's zone. */
export interface GroupRow {
  id: string;
  title: string;
  campaignId: string | null;
  status: GroupBuyGroupStatus;
  size: number;
  joined: number;
  paid: number;
  timeLeft: string | null;
  expiresAt: string;
  closedAt: string | null;
  openedAt: string;
}

const statusColors: Record<GroupBuyGroupStatus, string> = { OPEN: 'processing', SUCCEEDED: 'success', FAILED: 'error' };

export function GroupsTable({ rows }: { rows: GroupRow[] }) {
  const t = useTranslations('groupBuys');
  return (
    <Table<GroupRow>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      data-testid="group-buy-groups"
      locale={{ emptyText: <Empty description={t('monitor.empty')} /> }}
      columns={[
        {
          key: 'group',
          title: t('monitor.columns.group'),
          render: (_, row) => (
            <>
              {row.campaignId ? <Link href={`/group-buys/${row.campaignId}`}>{row.title}</Link> : row.title}
              <br />
              <Typography.Text type="secondary" copyable={{ text: row.id }} style={{ fontSize: 12 }}>
                {row.id.slice(0, 8)}
              </Typography.Text>
            </>
          ),
        },
        {
          key: 'status',
          dataIndex: 'status',
          title: t('monitor.columns.status'),
          render: (status: GroupBuyGroupStatus) => <Tag color={statusColors[status]}>{t(`groupStatus.${status}`)}</Tag>,
        },
        {
          key: 'members',
          title: t('monitor.columns.members'),
          render: (_, row) => (
            <div style={{ minWidth: 160 }}>
              {t('monitor.joined', { joined: row.joined, size: row.size, paid: row.paid })}
              <Progress percent={Math.round((row.paid / row.size) * 100)} success={{ percent: Math.round((row.paid / row.size) * 100) }} size="small" showInfo={false} />
            </div>
          ),
        },
        { key: 'timeLeft', title: t('monitor.columns.timeLeft'), render: (_, row) => row.timeLeft ?? '—' },
        { key: 'expiresAt', dataIndex: 'expiresAt', title: t('monitor.columns.expiresAt') },
        { key: 'closedAt', title: t('monitor.columns.closedAt'), render: (_, row) => row.closedAt ?? '—' },
        { key: 'openedAt', dataIndex: 'openedAt', title: t('monitor.columns.openedAt') },
      ]}
    />
  );
}

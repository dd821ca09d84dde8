'use client';

import { Empty, Table, Tag } from 'antd';
import { useTranslations } from 'next-intl';

import type { MemberTier } from '@/app/(console)/members/members.graphql';

/** A member as the list shows it; texts are formatted on the server in the request's locale. */
export interface MemberRow {
  id: string;
  displayName: string;
  tier: MemberTier;
  points: string;
  createdAt: string;
}

const tierColors: Record<MemberTier, string> = {
  BRONZE: 'orange',
  SILVER: 'default',
  GOLD: 'gold',
  PLATINUM: 'purple',
};

export function MembersTable({ rows }: { rows: MemberRow[] }) {
  const t = useTranslations('members');
  return (
    <Table<MemberRow>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      columns={[
        { key: 'displayName', dataIndex: 'displayName', title: t('columns.displayName') },
        {
          key: 'tier',
          dataIndex: 'tier',
          title: t('columns.tier'),
          render: (tier: MemberTier) => <Tag color={tierColors[tier]}>{t(`tier.${tier}`)}</Tag>,
        },
        { key: 'points', dataIndex: 'points', title: t('columns.points') },
        { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
      ]}
    />
  );
}

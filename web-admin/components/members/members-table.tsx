'use client';

import { Empty, Table, Tag } from 'antd';
import { useTranslations } from 'next-intl';

/** A member as the list shows it; texts are formatted on the server in the request's locale. */
export interface MemberRow {
  id: string;
  displayName: string;
  tier: string;
  points: string;
  createdAt: string;
}

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
          render: (tier: string) => <Tag>{tier}</Tag>,
        },
        { key: 'points', dataIndex: 'points', title: t('columns.points') },
        { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
      ]}
    />
  );
}

'use client';

import type { HTMLAttributes } from 'react';
import { LockOutlined } from '@ant-design/icons';
import { Empty, Table, Tag, Tooltip, Typography } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

import type { MemberTier } from '@/app/(console)/members/members.graphql';

/** An email or phone: the full value, or the masked one when the viewer lacks members:read_pii. */
export interface ContactCell {
  text: string | null;
  masked: boolean;
}

/** A member as the list shows it; texts are formatted on the server in the request's locale. */
export interface MemberRow {
  id: string;
  displayName: string | null;
  tier: MemberTier | null;
  points: string;
  email: ContactCell;
  phone: ContactCell;
  createdAt: string;
}

const tierColors: Record<MemberTier, string> = {
  BRONZE: 'orange',
  SILVER: 'default',
  GOLD: 'gold',
  PLATINUM: 'purple',
};

const rowProps = (): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'member-row' }) as HTMLAttributes<HTMLElement>;

function Contact({ cell, testId }: { cell: ContactCell; testId: string }) {
  const t = useTranslations('members');
  if (!cell.text) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!cell.masked) return <span data-testid={testId}>{cell.text}</span>;
  return (
    <Tooltip title={t('masked')}>
      <Typography.Text type="secondary" data-testid={testId} data-masked="true">
        {cell.text} <LockOutlined />
      </Typography.Text>
    </Tooltip>
  );
}

export function MembersTable({ rows }: { rows: MemberRow[] }) {
  const t = useTranslations('members');
  return (
    <Table<MemberRow>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      onRow={rowProps}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      columns={[
        {
          key: 'displayName',
          dataIndex: 'displayName',
          title: t('columns.displayName'),
          render: (name: string, row) => <Link href={`/members/${row.id}`} data-testid="member-link">{name}</Link>,
        },
        {
          key: 'tier',
          dataIndex: 'tier',
          title: t('columns.tier'),
          render: (tier: MemberTier) => <Tag color={tierColors[tier]}>{t(`tier.${tier}`)}</Tag>,
        },
        { key: 'points', dataIndex: 'points', title: t('columns.points') },
        {
          key: 'email',
          dataIndex: 'email',
          title: t('columns.email'),
          render: (cell: ContactCell) => <Contact cell={cell} testId="member-email" />,
        },
        {
          key: 'phone',
          dataIndex: 'phone',
          title: t('columns.phone'),
          render: (cell: ContactCell) => <Contact cell={cell} testId="member-phone" />,
        },
        { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
      ]}
    />
  );
}

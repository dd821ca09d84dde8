'use client';

import { EditOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';

import type { RolesListNode } from '@/app/(console)/staff/roles/roles.graphql';

/** The roles list's columns; `onEdit` (custom roles only) for those who manage roles. */
export function useRoleColumns(onEdit: ((role: RolesListNode) => void) | null): TableColumnsType<RolesListNode> {
  const t = useTranslations('roles');
  const tc = useTranslations('common');
  return [
    { key: 'title', dataIndex: 'title', title: t('columns.title') },
    { key: 'name', dataIndex: 'name', title: t('columns.name'), render: (name: string) => <Typography.Text code>{name}</Typography.Text> },
    {
      key: 'builtIn',
      dataIndex: 'builtIn',
      title: t('columns.kind'),
      render: (builtIn: boolean) => (builtIn ? <Tag>{t('builtIn')}</Tag> : <Tag color="purple">{t('custom')}</Tag>),
    },
    {
      key: 'scopes',
      dataIndex: 'scopes',
      title: t('columns.scopes'),
      render: (list: string[]) => (
        <Space size={[0, 4]} wrap>
          {list.map((scope) => (
            <Tag key={scope}>{scope}</Tag>
          ))}
        </Space>
      ),
    },
    ...(onEdit
      ? [
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_: unknown, role: RolesListNode) =>
              role.builtIn ? null : (
                <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(role)}>
                  {tc('edit')}
                </Button>
              ),
          },
        ]
      : []),
  ];
}

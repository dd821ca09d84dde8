'use client';

import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';

/** A staff account as the list shows it; dates are formatted on the server. */
export interface StaffRow {
  id: string;
  displayName: string;
  email: string | null;
  roles: { name: string; title: string }[];
  disabled: boolean;
  lastLoginAt: string | null;
  /** The viewer's own account (cannot be disabled from here). */
  self: boolean;
}

/** The staff list's columns; the actions column only for those who manage staff. */
export function useStaffColumns(actions: {
  onEditRoles: (row: StaffRow) => void;
  onDisable: (row: StaffRow) => void;
} | null): TableColumnsType<StaffRow> {
  const t = useTranslations('staff');
  const tc = useTranslations('common');
  return [
    { key: 'displayName', dataIndex: 'displayName', title: t('columns.displayName') },
    { key: 'email', dataIndex: 'email', title: t('columns.email'), render: (email: string | null) => email ?? tc('none') },
    {
      key: 'roles',
      dataIndex: 'roles',
      title: t('columns.roles'),
      render: (list: StaffRow['roles']) => (
        <Space size={[0, 4]} wrap>
          {list.map((role) => (
            <Tag key={role.name} color={role.name === 'owner' ? 'gold' : 'blue'}>
              {role.title}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'disabled',
      dataIndex: 'disabled',
      title: t('columns.status'),
      render: (disabled: boolean) =>
        disabled ? <Tag color="red">{t('status.disabled')}</Tag> : <Tag color="green">{t('status.active')}</Tag>,
    },
    { key: 'lastLoginAt', dataIndex: 'lastLoginAt', title: t('columns.lastLoginAt'), render: (at: string | null) => at ?? t('never') },
    ...(actions
      ? [
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_: unknown, row: StaffRow) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} disabled={row.disabled} onClick={() => actions.onEditRoles(row)}>
                  {t('editRoles')}
                </Button>
                <Popconfirm
                  title={t('disableTitle', { name: row.displayName })}
                  description={t('disableDescription')}
                  okText={t('disable')}
                  okButtonProps={{ danger: true }}
                  cancelText={tc('cancel')}
                  onConfirm={() => actions.onDisable(row)}
                >
                  <Button size="small" danger icon={<StopOutlined />} disabled={row.disabled || row.self}>
                    {t('disable')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
}

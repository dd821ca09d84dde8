'use client';

import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';

/** A key as the list shows it; dates are formatted on the server (null: never / not). */
export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  expired: boolean;
}

function ApiKeyStatus({ row }: { row: ApiKeyRow }) {
  const t = useTranslations('apiKeys');
  if (row.revokedAt) return <Tag color="red">{t('status.revoked', { at: row.revokedAt })}</Tag>;
  if (row.expired) return <Tag>{t('status.expired')}</Tag>;
  return <Tag color="green">{t('status.active')}</Tag>;
}

/** The API key list's columns, with Revoke (after a confirmation) at the end. */
export function useApiKeyColumns(onRevoke: (row: ApiKeyRow) => void): TableColumnsType<ApiKeyRow> {
  const t = useTranslations('apiKeys');
  const tc = useTranslations('common');
  return [
    { key: 'name', dataIndex: 'name', title: t('columns.name') },
    { key: 'prefix', dataIndex: 'prefix', title: t('columns.prefix'), render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
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
    { key: 'lastUsedAt', dataIndex: 'lastUsedAt', title: t('columns.lastUsedAt'), render: (at: string | null) => at ?? t('never') },
    { key: 'expiresAt', dataIndex: 'expiresAt', title: t('columns.expiresAt'), render: (at: string | null) => at ?? t('noExpiry') },
    { key: 'status', title: t('columns.status'), render: (_: unknown, row: ApiKeyRow) => <ApiKeyStatus row={row} /> },
    {
      key: 'actions',
      title: t('columns.actions'),
      render: (_: unknown, row: ApiKeyRow) => (
        <Popconfirm
          title={t('revokeTitle', { name: row.name })}
          description={t('revokeDescription')}
          okText={t('revoke')}
          okButtonProps={{ danger: true }}
          cancelText={tc('cancel')}
          onConfirm={() => onRevoke(row)}
        >
          <Button size="small" danger icon={<DeleteOutlined />} disabled={!!row.revokedAt} data-testid="api-key-revoke">
            {t('revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
}

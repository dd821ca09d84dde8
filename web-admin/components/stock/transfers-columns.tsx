'use client';

import { CheckOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';

import type { StockTransferStatus, StockTransfersListNode } from '@/app/(console)/stock/transfers/transfers.graphql';

import { WarehouseLabel } from './variant-label';

const statusColors: Record<StockTransferStatus, string> = { DRAFT: 'default', IN_TRANSIT: 'blue', RECEIVED: 'green', CANCELLED: 'red' };

/** Ship (a draft) or receive (in transit) after a confirmation. */
function TransferActions({ row, onShip, onReceive }: { row: StockTransfersListNode } & TransferHandlers) {
  const t = useTranslations('stock.transfers');
  const tc = useTranslations('common');
  return (
    <Space>
      {row.status === 'DRAFT' && (
        <Popconfirm title={t('shipTitle', { number: row.number })} description={t('shipDescription')} okText={t('ship')} cancelText={tc('cancel')} onConfirm={() => onShip(row)}>
          <Button size="small" icon={<SendOutlined />} data-testid="transfer-ship">
            {t('ship')}
          </Button>
        </Popconfirm>
      )}
      {row.status === 'IN_TRANSIT' && (
        <Popconfirm title={t('receiveTitle', { number: row.number })} description={t('receiveDescription')} okText={t('receive')} cancelText={tc('cancel')} onConfirm={() => onReceive(row)}>
          <Button size="small" type="primary" icon={<CheckOutlined />} data-testid="transfer-receive">
            {t('receive')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

interface TransferHandlers {
  onShip: (row: StockTransfersListNode) => void;
  onReceive: (row: StockTransfersListNode) => void;
}

/** The transfers list's columns; the actions column only with stock:write. */
export function useTransferColumns(handlers: TransferHandlers | null): TableColumnsType<StockTransfersListNode> {
  const t = useTranslations('stock.transfers');
  const ts = useTranslations('stock.transferStatus');
  const tc = useTranslations('common');
  return [
    { key: 'number', dataIndex: 'number', title: t('columns.number'), render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
    { key: 'from', title: t('columns.from'), render: (_: unknown, row) => <WarehouseLabel warehouse={row.from} /> },
    { key: 'to', title: t('columns.to'), render: (_: unknown, row) => <WarehouseLabel warehouse={row.to} /> },
    {
      key: 'lines',
      title: t('columns.lines'),
      render: (_: unknown, row) => (
        <Space orientation="vertical" size={0}>
          {row.lines.map((line, index) => (
            <span key={index}>
              <Typography.Text code>{line.variant?.sku ?? tc('none')}</Typography.Text> × {line.quantity}
            </span>
          ))}
        </Space>
      ),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('columns.status'),
      render: (status: StockTransferStatus) => <Tag color={statusColors[status]} data-testid="transfer-status">{ts(status)}</Tag>,
    },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('columns.createdAt') },
    ...(handlers
      ? [{ key: 'actions', title: t('columns.actions'), render: (_: unknown, row: StockTransfersListNode) => <TransferActions row={row} {...handlers} /> }]
      : []),
  ];
}

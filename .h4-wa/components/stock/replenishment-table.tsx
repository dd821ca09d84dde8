'use client';

import { useState, type HTMLAttributes } from 'react';
import { FileAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tooltip, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createPurchaseOrderFromSuggestions } from '@/app/(console)/stock/purchase-orders/actions';
import type { ReplenishmentSuggestionNode } from '@/app/(console)/stock/replenishment/replenishment.graphql';
import { useStepUp } from '@/components/access/step-up';

import { useStockFeedback } from './stock-feedback';
import { VariantLabel, WarehouseLabel } from './variant-label';

interface Group {
  key: string;
  supplierId: string;
  supplierName: string;
  warehouseId: string;
  warehouseCode: string;
  count: number;
}

const rowKey = (row: ReplenishmentSuggestionNode) => `${row.variant?.id ?? '?'}:${row.warehouse?.id ?? '?'}`;

const rowProps = (row: ReplenishmentSuggestionNode): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'replenishment-row', 'data-sku': row.variant?.sku ?? '' }) as HTMLAttributes<HTMLElement>;

/** The suggestions, and one "Create PO" per supplier × warehouse that has suggestions. */
export function ReplenishmentTable({ rows, canWrite }: { rows: ReplenishmentSuggestionNode[]; canWrite: boolean }) {
  const t = useTranslations('stock.replenishment');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const [busy, setBusy] = useState<string | null>(null);

  const groups = new Map<string, Group>();
  for (const row of rows) {
    if (!row.supplier || !row.warehouse) continue;
    const key = `${row.supplier.id}:${row.warehouse.id}`;
    const group = groups.get(key) ?? {
      key,
      supplierId: row.supplier.id,
      supplierName: row.supplier.name,
      warehouseId: row.warehouse.id,
      warehouseCode: row.warehouse.code,
      count: 0,
    };
    group.count += 1;
    groups.set(key, group);
  }

  const createPo = async (group: Group) => {
    setBusy(group.key);
    const result = await withStepUp(() =>
      createPurchaseOrderFromSuggestions({ warehouseId: group.warehouseId, supplierId: group.supplierId }),
    ).finally(() => setBusy(null));
    if (!result.ok) return void report(result);
    void message.success(t('poCreated', { supplier: group.supplierName }));
    router.push(result.value ? `/stock/purchase-orders/${encodeURIComponent(result.value)}` : '/stock/purchase-orders');
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {canWrite && groups.size > 0 && (
        <Card size="small" title={t('createPoHeading')}>
          <Space wrap>
            {[...groups.values()].map((group) => (
              <Popconfirm
                key={group.key}
                title={t('createPoTitle', { supplier: group.supplierName, warehouse: group.warehouseCode })}
                description={t('createPoDescription', { count: group.count })}
                okText={t('createPo')}
                cancelText={tc('cancel')}
                onConfirm={() => createPo(group)}
              >
                <Button icon={<FileAddOutlined />} loading={busy === group.key} data-testid="replenishment-create-po" data-supplier={group.supplierName}>
                  {t('createPoFor', { supplier: group.supplierName, warehouse: group.warehouseCode, count: group.count })}
                </Button>
              </Popconfirm>
            ))}
          </Space>
        </Card>
      )}
      <Table<ReplenishmentSuggestionNode>
        rowKey={rowKey}
        dataSource={rows}
        pagination={false}
        onRow={rowProps}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          { key: 'variant', title: t('columns.variant'), render: (_: unknown, row) => <VariantLabel variant={row.variant} /> },
          { key: 'warehouse', title: t('columns.warehouse'), render: (_: unknown, row) => <WarehouseLabel warehouse={row.warehouse} /> },
          { key: 'available', dataIndex: 'available', title: t('columns.available'), align: 'end' },
          { key: 'onOrder', dataIndex: 'onOrder', title: t('columns.onOrder'), align: 'end' },
          { key: 'velocity', dataIndex: 'velocityPerDay', title: t('columns.velocity'), align: 'end' },
          { key: 'leadTime', dataIndex: 'leadTimeDays', title: t('columns.leadTime'), align: 'end' },
          { key: 'safety', dataIndex: 'safetyStock', title: t('columns.safetyStock'), align: 'end' },
          {
            key: 'suggested',
            dataIndex: 'suggestedQuantity',
            title: t('columns.suggested'),
            align: 'end',
            render: (n: number) => <Typography.Text strong>{n}</Typography.Text>,
          },
          {
            key: 'reason',
            dataIndex: 'reason',
            title: t('columns.reason'),
            render: (reason: string) => (
              <Tooltip title={reason}>
                <Typography.Text ellipsis style={{ maxWidth: 280 }}>
                  {reason}
                </Typography.Text>
              </Tooltip>
            ),
          },
          {
            key: 'supplier',
            title: t('columns.supplier'),
            render: (_: unknown, row) => row.supplier?.name ?? <Typography.Text type="secondary">{t('noSupplier')}</Typography.Text>,
          },
        ]}
      />
    </Space>
  );
}

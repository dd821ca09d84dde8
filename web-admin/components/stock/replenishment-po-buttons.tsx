'use client';

import { useState } from 'react';
import { FileAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createPurchaseOrderFromSuggestions } from '@/app/(console)/stock/purchase-orders/actions';
import type { ReplenishmentSuggestionNode } from '@/app/(console)/stock/replenishment/replenishment.graphql';
import { useStepUp } from '@/components/access/step-up';

import { useStockFeedback } from './stock-feedback';

interface Group {
  key: string;
  supplierId: string;
  supplierName: string;
  warehouseId: string;
  warehouseCode: string;
  count: number;
}

/** The suggestions by supplier × warehouse, skipping those without either. */
function groupsOf(rows: ReplenishmentSuggestionNode[]): Group[] {
  const groups = new Map<string, Group>();
  for (const { supplier, warehouse } of rows) {
    if (!supplier || !warehouse) continue;
    const key = `${supplier.id}:${warehouse.id}`;
    const group = groups.get(key) ?? { key, supplierId: supplier.id, supplierName: supplier.name, warehouseId: warehouse.id, warehouseCode: warehouse.code, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** One "Create PO" per supplier × warehouse that has suggestions; opens the new order. */
export function ReplenishmentPoButtons({ rows }: { rows: ReplenishmentSuggestionNode[] }) {
  const t = useTranslations('stock.replenishment');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const [busy, setBusy] = useState<string | null>(null);
  const groups = groupsOf(rows);

  const createPo = async (group: Group) => {
    setBusy(group.key);
    const result = await withStepUp(() =>
      createPurchaseOrderFromSuggestions({ warehouseId: group.warehouseId, supplierId: group.supplierId }),
    ).finally(() => setBusy(null));
    if (!result.ok) return void report(result);
    void message.success(t('poCreated', { supplier: group.supplierName }));
    router.push(result.value ? `/stock/purchase-orders/${encodeURIComponent(result.value)}` : '/stock/purchase-orders');
  };

  if (!groups.length) return null;
  return (
    <Card size="small" title={t('createPoHeading')}>
      <Space wrap>
        {groups.map((group) => (
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
  );
}

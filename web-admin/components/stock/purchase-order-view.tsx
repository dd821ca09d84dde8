'use client';

import { useState } from 'react';
import { App, Card, Descriptions, Flex } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { useStepUp } from '@/components/access/step-up';
import { useMounted } from '@/components/shell/use-mounted';
import type { ActionResult } from '@/lib/mutation';

import { PurchaseOrderActions } from './purchase-order-actions';
import { PurchaseOrderLines } from './purchase-order-lines';
import type { PurchaseOrderViewModel } from './purchase-order-model';
import { PurchaseOrderReceiveModal } from './purchase-order-receive-modal';
import { PurchaseOrderStatusTag } from './purchase-order-status';
import { useStockFeedback } from './stock-feedback';
import { WarehouseLabel } from './variant-label';

/** One purchase order: its facts, the actions its state allows (stock:write) and its lines. */
export function PurchaseOrderView({ order, canWrite }: { order: PurchaseOrderViewModel; canWrite: boolean }) {
  const t = useTranslations('stock.purchaseOrders');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const mounted = useMounted();
  const [receiving, setReceiving] = useState(false);
  const [busy, setBusy] = useState(false);

  const act = async (run: () => Promise<ActionResult<null>>, done: string) => {
    setBusy(true);
    const result = await withStepUp(run).finally(() => setBusy(false));
    if (!result.ok) return void report(result);
    void message.success(done);
    router.refresh();
  };

  return (
    <Flex vertical gap={16}>
      <Card>
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'status', label: t('columns.status'), children: <PurchaseOrderStatusTag status={order.status} /> },
            { key: 'supplier', label: t('columns.supplier'), children: order.supplierName ?? tc('none') },
            { key: 'warehouse', label: t('columns.warehouse'), children: <WarehouseLabel warehouse={order.warehouse} /> },
            { key: 'total', label: t('columns.total'), children: order.total },
            { key: 'createdAt', label: t('columns.createdAt'), children: order.createdAt },
          ]}
        />
        {canWrite && <PurchaseOrderActions order={order} busy={busy} onAct={act} onReceive={() => setReceiving(true)} />}
      </Card>
      <PurchaseOrderLines lines={order.lines} />
      {mounted && canWrite && <PurchaseOrderReceiveModal order={order} open={receiving} onClose={() => setReceiving(false)} />}
    </Flex>
  );
}

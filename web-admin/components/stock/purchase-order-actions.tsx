'use client';

import { CloseCircleOutlined, InboxOutlined, LockOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, type ButtonProps } from 'antd';
import { useTranslations } from 'next-intl';

import { cancelPurchaseOrder, closePurchaseOrder, orderPurchaseOrder } from '@/app/(console)/stock/purchase-orders/actions';
import type { ActionResult } from '@/lib/mutation';

import type { PurchaseOrderViewModel } from './purchase-order-model';

/** What the order's state allows: order (a draft), receive (ordered), cancel, close; each confirmed first. */
export function PurchaseOrderActions({
  order,
  busy,
  onAct,
  onReceive,
}: {
  order: PurchaseOrderViewModel;
  busy: boolean;
  onAct: (run: () => Promise<ActionResult<null>>, done: string) => void;
  onReceive: () => void;
}) {
  const t = useTranslations('stock.purchaseOrders');
  const tc = useTranslations('common');
  const { status, number, id } = order;
  const open = status === 'ORDERED' || status === 'PARTIALLY_RECEIVED';
  return (
    <Space wrap style={{ marginTop: 16 }}>
      {status === 'DRAFT' && (
        <Popconfirm title={t('orderTitle', { number })} description={t('orderDescription')} okText={t('order')} cancelText={tc('cancel')}
          okButtonProps={{ 'data-testid': 'po-order-confirm' } as ButtonProps} onConfirm={() => onAct(() => orderPurchaseOrder(id), t('orderedDone', { number }))}>
          <Button type="primary" icon={<SendOutlined />} loading={busy} data-testid="po-order">
            {t('order')}
          </Button>
        </Popconfirm>
      )}
      {open && (
        <Button type="primary" icon={<InboxOutlined />} onClick={onReceive} data-testid="po-receive">
          {t('receive')}
        </Button>
      )}
      {(status === 'DRAFT' || status === 'ORDERED') && (
        <Popconfirm title={t('cancelTitle', { number })} description={t('cancelDescription')} okText={t('cancelOrder')} cancelText={tc('cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'po-cancel-confirm' } as ButtonProps} onConfirm={() => onAct(() => cancelPurchaseOrder(id), t('cancelledDone', { number }))}>
          <Button danger icon={<CloseCircleOutlined />} loading={busy} data-testid="po-cancel">
            {t('cancelOrder')}
          </Button>
        </Popconfirm>
      )}
      {(open || status === 'RECEIVED') && (
        <Popconfirm title={t('closeTitle', { number })} description={t('closeDescription')} okText={t('close')} cancelText={tc('cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'po-close-confirm' } as ButtonProps} onConfirm={() => onAct(() => closePurchaseOrder(id), t('closedDone', { number }))}>
          <Button icon={<LockOutlined />} loading={busy} data-testid="po-close">
            {t('close')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

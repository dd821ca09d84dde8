'use client';

import { useState } from 'react';
import { App, Form, Modal, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createPurchaseOrder } from '@/app/(console)/stock/purchase-orders/actions';
import type { SupplierOption } from '@/app/(console)/stock/purchase-orders/purchase-orders.graphql';
import { useStepUp } from '@/components/access/step-up';
import { FormErrors } from '@/components/shell/form-errors';

import { LinesField } from './lines-field';
import { PurchaseOrderSourceFields } from './purchase-order-source-fields';
import { useStockFeedback } from './stock-feedback';
import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

interface CreateValues {
  supplierId: string;
  warehouseId: string;
  lines: { variantId: string; quantity: number; unitCost?: string }[];
}

/** Drafts a purchase order from a supplier into a warehouse, then opens it. */
export function PurchaseOrderCreateModal({
  open,
  onClose,
  suppliers,
  warehouses,
}: {
  open: boolean;
  onClose: () => void;
  suppliers: SupplierOption[];
  warehouses: WarehouseLabel_Warehouse[];
}) {
  const t = useTranslations('stock.purchaseOrders');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async ({ supplierId, warehouseId, lines }: CreateValues) => {
    const input = { supplierId, warehouseId, lines: lines.map(({ variantId, quantity, unitCost }) => ({ variantId, quantity, unitCost: unitCost?.trim() || null })) };
    setBusy(true);
    const result = await withStepUp(() => createPurchaseOrder(input)).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t('created'));
    onClose();
    form.resetFields();
    if (result.value) router.push(`/stock/purchase-orders/${encodeURIComponent(result.value)}`);
    else router.refresh();
  };

  return (
    <Modal
      open={open}
      title={t('create')}
      okText={t('createSubmit')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'po-create-form', loading: busy, 'data-testid': 'po-create-submit' } as ButtonProps}
      onCancel={onClose}
      afterOpenChange={(opened) => opened || setErrors([])}
      width={820}
      forceRender
    >
      <FormErrors messages={errors} />
      <Form form={form} id="po-create-form" layout="vertical" initialValues={{ lines: [{ quantity: 1 }] }} onFinish={submit}>
        <PurchaseOrderSourceFields suppliers={suppliers} warehouses={warehouses} />
        <Typography.Paragraph type="secondary">{t('costHint')}</Typography.Paragraph>
        <LinesField withCost />
      </Form>
    </Modal>
  );
}

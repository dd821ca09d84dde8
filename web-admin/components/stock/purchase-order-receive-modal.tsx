'use client';

import { useEffect, useState } from 'react';
import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { receivePurchaseOrder } from '@/app/(console)/stock/purchase-orders/actions';
import { useStepUp } from '@/components/access/step-up';
import { FormErrors } from '@/components/shell/form-errors';

import { remaining, withFormIndexes, type PurchaseOrderViewModel } from './purchase-order-model';
import { PurchaseOrderReceiveLines } from './purchase-order-receive-lines';
import { useStockFeedback } from './stock-feedback';

interface ReceiveValues {
  lines: { lineId: string; quantity: number | null; lotCode?: string }[];
}

/** Receives some or all of what is still to come, per line. */
export function PurchaseOrderReceiveModal({ order, open, onClose }: { order: PurchaseOrderViewModel; open: boolean; onClose: () => void }) {
  const t = useTranslations('stock.purchaseOrders');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const [form] = Form.useForm<ReceiveValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const fill = (quantity: (line: PurchaseOrderViewModel['lines'][number]) => number) =>
    form.setFieldsValue({ lines: order.lines.map((line) => ({ lineId: line.id, quantity: quantity(line) })) });

  useEffect(() => {
    if (!open) return;
    setErrors([]);
    form.resetFields();
    form.setFieldsValue({ lines: order.lines.map((line) => ({ lineId: line.id, quantity: 0 })) });
  }, [open, order.lines, form]);

  const submit = async ({ lines }: ReceiveValues) => {
    // Only lines with something to receive are sent; userErrors name the sent index, so map it back.
    const sent = lines.map((line, index) => ({ ...line, index })).filter((line) => (line.quantity ?? 0) > 0);
    if (!sent.length) return setErrors([t('nothingToReceive')]);
    setBusy(true);
    const result = await withStepUp(() =>
      receivePurchaseOrder({ id: order.id, lines: sent.map(({ lineId, quantity, lotCode }) => ({ lineId, quantity: quantity ?? 0, lotCode: lotCode?.trim() || null })) }),
    ).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(withFormIndexes(result, sent.map(({ index }) => index)), form));
    void message.success(t('receivedDone', { number: order.number }));
    onClose();
    router.refresh();
  };

  return (
    <Modal
      open={open}
      title={t('receiveTitle', { number: order.number })}
      okText={t('receiveSubmit')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'po-receive-form', loading: busy, 'data-testid': 'po-receive-submit' } as ButtonProps}
      onCancel={onClose}
      width={720}
      forceRender
    >
      <FormErrors messages={errors} />
      <Button icon={<CheckOutlined />} onClick={() => fill(remaining)} style={{ marginBottom: 16 }} data-testid="po-receive-all">
        {t('receiveAll')}
      </Button>
      <Form form={form} id="po-receive-form" layout="vertical" onFinish={submit}>
        <PurchaseOrderReceiveLines lines={order.lines} />
      </Form>
    </Modal>
  );
}

'use client';

import { useEffect, useState } from 'react';
import { App, Form, Modal, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { adjustStock } from '@/app/(console)/stock/actions';
import type { StockLevelsListNode } from '@/app/(console)/stock/stock.graphql';
import { useStepUp } from '@/components/access/step-up';
import { FormErrors } from '@/components/shell/form-errors';

import { StockAdjustFields, type AdjustValues } from './stock-adjust-fields';
import { useStockFeedback } from './stock-feedback';

/** Adds or removes stock at one level with a reason (`level`: null when closed). */
export function StockAdjustModal({ level, onClose }: { level: StockLevelsListNode | null; onClose: () => void }) {
  const t = useTranslations('stock.overview');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const [form] = Form.useForm<AdjustValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    if (!level) return;
    form.resetFields();
    setErrors([]);
  }, [level, form]);

  const submit = async ({ direction, quantity, reason, note }: AdjustValues) => {
    if (!level?.variant) return;
    const input = {
      variantId: level.variant.id,
      warehouseId: level.warehouse.id,
      quantity: direction === 'remove' ? -quantity : quantity,
      reason,
      note: note?.trim() || null,
    };
    setBusy(true);
    const result = await withStepUp(() => adjustStock(input)).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t('adjusted', { sku: level.variant.sku }));
    onClose();
    router.refresh();
  };

  return (
    <Modal
      open={level !== null}
      title={level?.variant ? t('adjustTitle', { sku: level.variant.sku, warehouse: level.warehouse.code }) : ''}
      okText={t('adjustSubmit')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'stock-adjust-form', loading: busy, 'data-testid': 'stock-adjust-submit' } as ButtonProps}
      onCancel={onClose}
      forceRender
    >
      {level && (
        <Typography.Paragraph type="secondary">{t('currently', { onHand: level.onHand, available: level.available })}</Typography.Paragraph>
      )}
      <FormErrors messages={errors} />
      <Form form={form} id="stock-adjust-form" layout="vertical" initialValues={{ direction: 'add', quantity: 1 }} onFinish={submit}>
        <StockAdjustFields />
      </Form>
    </Modal>
  );
}

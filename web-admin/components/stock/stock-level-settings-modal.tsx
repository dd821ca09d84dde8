'use client';

import { useEffect, useState } from 'react';
import { App, Form, InputNumber, Modal, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { updateStockLevel } from '@/app/(console)/stock/actions';
import type { StockLevelsListNode } from '@/app/(console)/stock/stock.graphql';
import { useStepUp } from '@/components/access/step-up';
import { FormErrors } from '@/components/shell/form-errors';

import { useStockFeedback } from './stock-feedback';

interface LevelValues {
  safetyStock: number;
  reorderPoint: number;
}

/** Safety stock and reorder point of one level (`level`: null when closed). */
export function StockLevelSettingsModal({ level, onClose }: { level: StockLevelsListNode | null; onClose: () => void }) {
  const t = useTranslations('stock.overview');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const [form] = Form.useForm<LevelValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    if (!level) return;
    form.setFieldsValue({ safetyStock: level.safetyStock, reorderPoint: level.reorderPoint });
    setErrors([]);
  }, [level, form]);

  const submit = async (values: LevelValues) => {
    const variant = level?.variant;
    if (!level || !variant) return;
    setBusy(true);
    const result = await withStepUp(() => updateStockLevel({ variantId: variant.id, warehouseId: level.warehouse.id, ...values })).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t('levelsSaved', { sku: variant.sku }));
    onClose();
    router.refresh();
  };

  const rules = [{ required: true, type: 'integer' as const, min: 0, message: t('nonNegative') }];
  return (
    <Modal
      open={level !== null}
      title={level?.variant ? t('levelsTitle', { sku: level.variant.sku, warehouse: level.warehouse.code }) : ''}
      okText={tc('save')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'stock-levels-form', loading: busy, 'data-testid': 'stock-levels-submit' } as ButtonProps}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('levelsHint')}</Typography.Paragraph>
      <FormErrors messages={errors} />
      <Form form={form} id="stock-levels-form" layout="vertical" onFinish={submit}>
        <Form.Item name="safetyStock" label={t('columns.safetyStock')} rules={rules}>
          <InputNumber min={0} precision={0} style={{ width: 160 }} data-testid="stock-levels-safety" />
        </Form.Item>
        <Form.Item name="reorderPoint" label={t('columns.reorderPoint')} rules={rules}>
          <InputNumber min={0} precision={0} style={{ width: 160 }} data-testid="stock-levels-reorder" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

'use client';

import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslations } from 'next-intl';

import { stockAdjustReasons, type StockAdjustReason } from '@/lib/stock';

export interface AdjustValues {
  direction: 'add' | 'remove';
  quantity: number;
  reason: StockAdjustReason;
  note?: string;
}

/** Direction, quantity, reason and note of a stock adjustment. */
export function StockAdjustFields() {
  const t = useTranslations('stock.overview');
  const tc = useTranslations('common');
  const tr = useTranslations('stock.reasons');
  return (
    <>
      <Form.Item name="direction" label={t('direction')}>
        <Radio.Group
          optionType="button"
          data-testid="stock-adjust-direction"
          options={[
            { value: 'add', label: <span data-testid="stock-adjust-add">{t('add')}</span> },
            { value: 'remove', label: <span data-testid="stock-adjust-remove">{t('remove')}</span> },
          ]}
        />
      </Form.Item>
      <Form.Item name="quantity" label={t('quantity')} extra={t('largeDecreaseHint')} rules={[{ required: true, type: 'integer', min: 1, message: t('quantityInvalid') }]}>
        <InputNumber min={1} precision={0} style={{ width: 160 }} data-testid="stock-adjust-quantity" />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, message: tc('required') }]}>
        <Select data-testid="stock-adjust-reason" options={stockAdjustReasons.map((value) => ({ value, label: tr(value), 'data-reason': value }))} />
      </Form.Item>
      <Form.Item name="note" label={t('note')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="stock-adjust-note" />
      </Form.Item>
    </>
  );
}

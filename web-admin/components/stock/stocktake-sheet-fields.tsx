'use client';

import type { ChangeEvent } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useTranslations } from 'next-intl';

import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

/** The warehouse counted and the sheet (`sku,counted` lines). */
export function StocktakeSheetFields({ warehouses }: { warehouses: WarehouseLabel_Warehouse[] }) {
  const t = useTranslations('stock.stocktake');
  const tc = useTranslations('common');
  return (
    <>
      <Form.Item name="warehouseId" label={t('warehouse')} rules={[{ required: true, message: tc('required') }]} style={{ maxWidth: 320 }}>
        <Select data-testid="stocktake-warehouse" options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}`, 'data-code': w.code }))} />
      </Form.Item>
      <Form.Item name="csv" label={t('csv')} extra={t('csvHint')} rules={[{ required: true, message: tc('required') }]}>
        <Input.TextArea rows={8} placeholder={'sku,counted\nSKU-001,12'} dir="ltr" spellCheck={false} data-testid="stocktake-csv" />
      </Form.Item>
    </>
  );
}

/** Reads a CSV file into the form's sheet; `onRead` after (setting a field does not count as a change). */
export function StocktakeFileButton({ onRead }: { onRead: () => void }) {
  const t = useTranslations('stock.stocktake');
  const form = Form.useFormInstance<{ csv: string }>();
  const read = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    form.setFieldsValue({ csv: await file.text() });
    onRead();
    event.target.value = '';
  };
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => document.getElementById('stocktake-file')?.click()}>
        {t('upload')}
      </Button>
      <input id="stocktake-file" type="file" accept=".csv,text/csv" hidden onChange={read} data-testid="stocktake-file" />
    </>
  );
}

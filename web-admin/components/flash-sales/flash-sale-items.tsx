'use client';

import { useState, useTransition } from 'react';
import { Button, Form, Input, InputNumber, Popconfirm, Progress, Space, Table, Typography } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { removeFlashSaleItem, setFlashSaleItem } from '@/app/(console)/flash-sales/actions';
import { FormErrors } from '@/components/shell/form-errors';
import { useUserErrorFeedback } from '@/components/shell/user-error-feedback';

import { FLASH_SALE_ERROR_CODES } from './error-codes';

/** An item as the editor lists it; money and counts are formatted on the server. */
export interface FlashSaleItemRow {
  id: string;
  sku: string;
  product: string;
  listPrice: string;
  flashPrice: string;
  /** The flash price as a decimal, to edit. */
  flashAmount: string;
  quota: number;
  sold: number;
  perMemberLimit: number | null;
  progress: string;
}

interface Values {
  sku: string;
  flashPrice: string;
  quota: number;
  perMemberLimit: number | null;
}

/** The session's variants with their quota progress, and a form that adds one or changes it (by SKU). */
export function FlashSaleItems({ flashSaleId, rows, editable }: { flashSaleId: string; rows: FlashSaleItemRow[]; editable: boolean }) {
  const t = useTranslations('flashSales');
  const [form] = Form.useForm<Values>();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [loose, setLoose] = useState<string[]>([]);
  const { report } = useUserErrorFeedback({ namespace: 'flashSaleErrors', codes: FLASH_SALE_ERROR_CODES });

  const submit = (values: Values) =>
    startTransition(async () => {
      const result = await setFlashSaleItem(flashSaleId, { ...values, perMemberLimit: values.perMemberLimit ?? null });
      setLoose(report(result, form));
      if (!result.ok) return;
      form.resetFields();
      router.refresh();
    });

  const remove = (id: string) =>
    startTransition(async () => {
      const result = await removeFlashSaleItem(id);
      setLoose(report(result));
      if (result.ok) router.refresh();
    });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Table<FlashSaleItemRow>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        onRow={() => ({ 'data-testid': 'flash-item-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'sku', title: t('columns.sku'), render: (_, row) => (<><bdi>{row.sku}</bdi><Typography.Text type="secondary" style={{ display: 'block' }}>{row.product}</Typography.Text></>) },
          { key: 'listPrice', title: t('columns.listPrice'), align: 'end', render: (_, row) => <bdi>{row.listPrice}</bdi> },
          { key: 'flashPrice', title: t('columns.flashPrice'), align: 'end', render: (_, row) => <bdi>{row.flashPrice}</bdi> },
          { key: 'limit', title: t('columns.perMemberLimit'), align: 'end', render: (_, row) => row.perMemberLimit ?? t('noLimit') },
          {
            key: 'progress',
            title: t('columns.progress'),
            render: (_, row) => (
              <>
                <Progress percent={Math.round((row.sold / row.quota) * 100)} size="small" />
                <Typography.Text type="secondary" data-testid="flash-item-progress">{row.progress}</Typography.Text>
              </>
            ),
          },
          ...(editable
            ? [{
                key: 'actions',
                title: '',
                render: (_: unknown, row: FlashSaleItemRow) => (
                  <Space>
                    <Button size="small" onClick={() => form.setFieldsValue({ sku: row.sku, flashPrice: row.flashAmount, quota: row.quota, perMemberLimit: row.perMemberLimit })}>
                      {t('edit')}
                    </Button>
                    <Popconfirm title={t('removeConfirm')} onConfirm={() => remove(row.id)} okText={t('remove')} cancelText={t('cancel')}>
                      <Button size="small" danger>{t('remove')}</Button>
                    </Popconfirm>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      {editable && (
        <Form<Values> form={form} layout="inline" onFinish={submit} disabled={pending} data-testid="flash-item-form">
          <FormErrors messages={loose} />
          <Form.Item name="sku" label={t('columns.sku')} rules={[{ required: true, whitespace: true, message: t('skuRequired') }]}>
            <Input data-testid="flash-item-sku" />
          </Form.Item>
          <Form.Item name="flashPrice" label={t('columns.flashPrice')} rules={[{ required: true, message: t('priceRequired') }]}>
            <Input inputMode="decimal" style={{ width: 120 }} data-testid="flash-item-price" />
          </Form.Item>
          <Form.Item name="quota" label={t('columns.quota')} rules={[{ required: true, message: t('quotaRequired') }]}>
            <InputNumber min={1} precision={0} data-testid="flash-item-quota" />
          </Form.Item>
          <Form.Item name="perMemberLimit" label={t('columns.perMemberLimit')}>
            <InputNumber min={1} precision={0} placeholder={t('noLimit')} data-testid="flash-item-limit" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={pending} data-testid="flash-item-save">
            {t('setItem')}
          </Button>
        </Form>
      )}
    </Space>
  );
}

'use client';

import { useEffect, useState } from 'react';
import { App, Checkbox, Form, Input, InputNumber, Modal, Select, Table, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createShipment } from '@/app/(console)/fulfilment/actions';
import { useOrderFeedback } from '@/components/orders/order-feedback';
import { FormErrors } from '@/components/shell/form-errors';

import type { ShipChoices, ShippableOrder } from './ship-choices';

interface ShipValues {
  warehouseId: string;
  carrierCode: string;
  trackingNumber?: string;
  book?: boolean;
  lines: { quantity: number | null; lotCode?: string }[];
}

/**
 * Ships some or all units left of an order's lines from one warehouse: the
 * quantities start at what is left, so "ship everything" is one click and a
 * split is typing fewer. A carrier that books fills the waybill itself.
 */
export function ShipDialog({ order, choices, onClose }: { order: ShippableOrder | null; choices: ShipChoices; onClose: () => void }) {
  const t = useTranslations('fulfilment.ship');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = useOrderFeedback();
  const [form] = Form.useForm<ShipValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const carrierCode = Form.useWatch('carrierCode', form);
  const book = Form.useWatch('book', form);
  const books = choices.carriers.find((c) => c.code === carrierCode)?.books ?? false;

  useEffect(() => {
    if (!order) return;
    setErrors([]);
    form.resetFields();
    form.setFieldsValue({
      warehouseId: choices.warehouses[0]?.id,
      carrierCode: choices.carriers[0]?.code,
      lines: order.lines.map((line) => ({ quantity: line.remaining, lotCode: '' })),
    });
  }, [order, form, choices]);

  const submit = async (values: ShipValues) => {
    if (!order) return;
    // Lines shipped now, with the form row each came from (server errors name the input's index).
    const chosen = values.lines
      .map((line, row) => ({ row, quantity: line.quantity ?? 0, lotCode: line.lotCode?.trim() || null }))
      .filter((line) => line.quantity > 0);
    if (!chosen.length) return setErrors([t('nothing')]);
    setBusy(true);
    const result = await createShipment({
      orderId: order.id,
      warehouseId: values.warehouseId,
      carrierCode: values.carrierCode,
      trackingNumber: books && values.book ? null : values.trackingNumber?.trim() || null,
      book: books && Boolean(values.book),
      lines: chosen.map((line) => ({ orderLineId: order.lines[line.row]!.orderLineId, quantity: line.quantity, lotCode: line.lotCode })),
    }).finally(() => setBusy(false));
    if (!result.ok) {
      return setErrors(report(result, form, (path) => (path[0] === 'lines' && typeof path[1] === 'number' ? ['lines', chosen[path[1]]?.row ?? 0, ...path.slice(2)] : path)));
    }
    void message.success(t('done', { number: result.value.number }));
    onClose();
    router.refresh();
  };

  return (
    <Modal
      open={order !== null}
      width={720}
      title={order ? t('title', { number: order.number }) : ''}
      okText={t('submit')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'ship-form', loading: busy, 'data-testid': 'ship-submit' } as ButtonProps}
      onCancel={onClose}
      forceRender
    >
      <FormErrors messages={errors} />
      <Form form={form} id="ship-form" layout="vertical" onFinish={submit} data-testid="ship-dialog">
        <Form.Item name="warehouseId" label={t('warehouse')} rules={[{ required: true, message: t('required') }]}>
          <Select data-testid="ship-warehouse" options={choices.warehouses.map((w) => ({ value: w.id, label: w.label }))} />
        </Form.Item>
        <Form.Item name="carrierCode" label={t('carrier')} rules={[{ required: true, message: t('required') }]}>
          <Select data-testid="ship-carrier" options={choices.carriers.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        {books && (
          <Form.Item name="book" valuePropName="checked" extra={t('bookHint')}>
            <Checkbox data-testid="ship-book">{t('book')}</Checkbox>
          </Form.Item>
        )}
        {!(books && book) && (
          <Form.Item name="trackingNumber" label={t('trackingNumber')} rules={[{ max: 100 }]}>
            <Input dir="ltr" data-testid="ship-tracking" />
          </Form.Item>
        )}
        <Typography.Text strong>{t('lines')}</Typography.Text>
        <Table
          size="small"
          pagination={false}
          rowKey="orderLineId"
          dataSource={order?.lines ?? []}
          onRow={(line) => ({ 'data-testid': 'ship-line', 'data-sku': line.sku }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'item', title: t('lines'), render: (_, line) => <><bdi>{line.title}</bdi> <Typography.Text type="secondary" dir="ltr">{line.sku}</Typography.Text></> },
            { key: 'remaining', title: t('remaining'), dataIndex: 'remaining', width: 80 },
            {
              key: 'quantity',
              title: t('quantity'),
              width: 120,
              render: (_, line, i) => (
                <Form.Item name={['lines', i, 'quantity']} noStyle>
                  <InputNumber min={0} max={line.remaining} precision={0} data-testid="ship-line-quantity" />
                </Form.Item>
              ),
            },
            {
              key: 'lot',
              title: t('lotCode'),
              width: 140,
              render: (_, __, i) => (
                <Form.Item name={['lines', i, 'lotCode']} noStyle rules={[{ max: 100 }]}>
                  <Input dir="ltr" />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}

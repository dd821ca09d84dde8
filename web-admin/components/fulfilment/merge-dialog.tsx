'use client';

import { useEffect, useState } from 'react';
import { App, Checkbox, Form, Input, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { shipTogether } from '@/app/(console)/fulfilment/actions';
import { useOrderFeedback } from '@/components/orders/order-feedback';
import { FormErrors } from '@/components/shell/form-errors';

import type { ShipChoices } from './ship-choices';

interface MergeValues {
  carrierCode: string;
  trackingNumber?: string;
  book?: boolean;
}

/** Ships a merge suggestion's orders as one parcel (one waybill); each order keeps its own shipments. */
export function MergeDialog({ orders, choices, onClose }: { orders: { id: string; number: string }[] | null; choices: ShipChoices; onClose: () => void }) {
  const t = useTranslations('fulfilment');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const { report } = useOrderFeedback();
  const [form] = Form.useForm<MergeValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const carrierCode = Form.useWatch('carrierCode', form);
  const book = Form.useWatch('book', form);
  const books = choices.carriers.find((c) => c.code === carrierCode)?.books ?? false;

  useEffect(() => {
    if (!orders) return;
    setErrors([]);
    form.resetFields();
    form.setFieldsValue({ carrierCode: choices.carriers[0]?.code });
  }, [orders, form, choices]);

  const submit = async (values: MergeValues) => {
    if (!orders) return;
    setBusy(true);
    const result = await shipTogether({
      orderIds: orders.map((o) => o.id),
      carrierCode: values.carrierCode,
      trackingNumber: books && values.book ? null : values.trackingNumber?.trim() || null,
      book: books && Boolean(values.book),
    }).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t('merge.done', { tracking: result.value ?? '—' }));
    onClose();
    router.refresh();
  };

  return (
    <Modal
      open={orders !== null}
      title={t('merge.title')}
      okText={t('merge.shipTogether')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'merge-form', loading: busy, 'data-testid': 'merge-submit' } as ButtonProps}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph dir="ltr">{orders?.map((o) => o.number).join(' + ')}</Typography.Paragraph>
      <FormErrors messages={errors} />
      <Form form={form} id="merge-form" layout="vertical" onFinish={submit}>
        <Form.Item name="carrierCode" label={t('ship.carrier')} rules={[{ required: true, message: t('ship.required') }]}>
          <Select options={choices.carriers.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        {books && (
          <Form.Item name="book" valuePropName="checked" extra={t('ship.bookHint')}>
            <Checkbox>{t('ship.book')}</Checkbox>
          </Form.Item>
        )}
        {!(books && book) && (
          <Form.Item name="trackingNumber" label={t('ship.trackingNumber')} rules={[{ max: 100 }]}>
            <Input dir="ltr" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

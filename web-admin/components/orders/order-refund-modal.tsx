'use client';

import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { refundPayment } from '@/app/(console)/orders/actions';
import { useStepUp } from '@/components/access/step-up';
import { FormErrors } from '@/components/shell/form-errors';

import { useOrderFeedback } from './order-feedback';
import type { PaymentRow } from './order-payment-columns';

interface RefundValues {
  amount: string;
  reason: string;
}

/** Refunds part or all of one payment with a reason (`payment`: null when closed). */
export function OrderRefundModal({ orderNumber, payment, onClose }: { orderNumber: string; payment: PaymentRow | null; onClose: () => void }) {
  const t = useTranslations('orders.payments');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useOrderFeedback();
  const [form] = Form.useForm<RefundValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  useEffect(() => {
    if (!payment) return;
    setErrors([]);
    form.resetFields();
    form.setFieldsValue({ amount: payment.refundable?.amount ?? '' });
  }, [payment, form]);

  const submit = async ({ amount, reason }: RefundValues) => {
    if (!payment) return;
    setBusy(true);
    const input = { paymentId: payment.id, amount: amount.trim(), reason: reason.trim() };
    const result = await withStepUp(() => refundPayment(input)).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t('refundDone', { number: orderNumber }));
    onClose();
    router.refresh();
  };

  return (
    <Modal
      open={payment !== null}
      title={t('refundTitle', { number: orderNumber })}
      okText={t('refund')}
      cancelText={tc('cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'order-refund-form', loading: busy, danger: true, 'data-testid': 'payment-refund-submit' } as ButtonProps}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph>{t('refundDescription', { refundable: payment?.refundableText ?? '' })}</Typography.Paragraph>
      <FormErrors messages={errors} />
      <Form form={form} id="order-refund-form" layout="vertical" onFinish={submit}>
        <Form.Item name="amount" label={t('refundAmount')} rules={[{ required: true, pattern: /^\d+(\.\d{1,3})?$/, message: t('amountInvalid') }]}>
          <Input inputMode="decimal" dir="ltr" data-testid="payment-refund-amount" />
        </Form.Item>
        <Form.Item name="reason" label={t('refundReason')} rules={[{ required: true, whitespace: true, max: 500, message: t('reasonInvalid') }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="payment-refund-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

'use client';

import { useState, type HTMLAttributes } from 'react';
import { RollbackOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, Modal, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { refundPayment } from '@/app/(console)/orders/actions';
import { useStepUp } from '@/components/access/step-up';
import { useMounted } from '@/components/shell/use-mounted';
import { FormErrors } from '@/components/shell/form-errors';

import { useOrderFeedback } from './order-feedback';
import type { OrderViewModel } from './order-view-model';

type PaymentRow = OrderViewModel['payments'][number];

interface RefundValues {
  amount: string;
  reason: string;
}

const rowProps = (row: PaymentRow): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'payment-row', 'data-status': row.status }) as HTMLAttributes<HTMLElement>;

/** Payment records with their money movements; Refund per payment with orders:refund. */
export function OrderPayments({ order, canRefund }: { order: OrderViewModel; canRefund: boolean }) {
  const t = useTranslations('orders.payments');
  const ts = useTranslations('orders');
  const tc = useTranslations('common');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useOrderFeedback();
  const mounted = useMounted();
  const [form] = Form.useForm<RefundValues>();
  const [refunding, setRefunding] = useState<PaymentRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const openRefund = (payment: PaymentRow) => {
    setErrors([]);
    form.resetFields();
    form.setFieldsValue({ amount: payment.refundable?.amount ?? '' });
    setRefunding(payment);
  };

  const submit = async ({ amount, reason }: RefundValues) => {
    if (!refunding) return;
    setBusy(true);
    const input = { paymentId: refunding.id, amount: amount.trim(), reason: reason.trim() };
    const result = await withStepUp(() => refundPayment(input)).finally(() => setBusy(false));
    if (!result.ok) return setErrors(report(result, form));
    void message.success(t('refundDone', { number: order.number }));
    setRefunding(null);
    router.refresh();
  };

  return (
    <>
      <Table<PaymentRow>
        rowKey="id"
        size="small"
        dataSource={order.payments}
        pagination={false}
        onRow={rowProps}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('none')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        expandable={{
          rowExpandable: (row) => row.transactions.length > 0,
          expandedRowRender: (row) => (
            <Flex vertical gap={4}>
              {row.transactions.map((tx) => (
                <Flex key={tx.id} gap={12} wrap data-testid="payment-transaction" data-kind={tx.kind}>
                  <Tag>{t(`transaction.${tx.kind}`)}</Tag>
                  <span>{tx.amount}</span>
                  <Typography.Text type="secondary">{tx.createdAt}</Typography.Text>
                  {(tx.note || tx.reference) && <span>{[tx.reference, tx.note].filter(Boolean).join(' · ')}</span>}
                </Flex>
              ))}
            </Flex>
          ),
        }}
        columns={[
          {
            key: 'method',
            title: t('method'),
            render: (_: unknown, row) => (
              <Flex vertical>
                <span>{row.method ? ts(`paymentMethod.${row.method}`) : t(`provider.${row.provider}`)}</span>
                {row.card && <Typography.Text type="secondary">{row.card}</Typography.Text>}
                {row.reference && <Typography.Text type="secondary">{row.reference}</Typography.Text>}
              </Flex>
            ),
          },
          { key: 'status', title: t('state'), render: (_: unknown, row) => <Tag>{t(`status.${row.status}`)}</Tag> },
          { key: 'amount', dataIndex: 'amount', title: t('amount'), align: 'end' },
          { key: 'captured', dataIndex: 'captured', title: t('captured'), align: 'end' },
          { key: 'refunded', dataIndex: 'refunded', title: t('refunded'), align: 'end' },
          { key: 'createdAt', dataIndex: 'createdAt', title: t('createdAt') },
          ...(canRefund
            ? [
                {
                  key: 'refund',
                  title: '',
                  render: (_: unknown, row: PaymentRow) =>
                    row.refundable && (
                      <Button size="small" icon={<RollbackOutlined />} onClick={() => openRefund(row)} data-testid="payment-refund">
                        {t('refund')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {mounted && canRefund && (
        <Modal
          open={refunding !== null}
          title={t('refundTitle', { number: order.number })}
          okText={t('refund')}
          cancelText={tc('cancel')}
          okButtonProps={
            { htmlType: 'submit', form: 'order-refund-form', loading: busy, danger: true, 'data-testid': 'payment-refund-submit' } as ButtonProps
          }
          onCancel={() => setRefunding(null)}
          forceRender
        >
          <Typography.Paragraph>{t('refundDescription', { refundable: refunding?.refundableText ?? '' })}</Typography.Paragraph>
          <FormErrors messages={errors} />
          <Form form={form} id="order-refund-form" layout="vertical" onFinish={submit}>
            <Form.Item
              name="amount"
              label={t('refundAmount')}
              rules={[{ required: true, pattern: /^\d+(\.\d{1,3})?$/, message: t('amountInvalid') }]}
            >
              <Input inputMode="decimal" dir="ltr" data-testid="payment-refund-amount" />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('refundReason')}
              rules={[{ required: true, whitespace: true, max: 500, message: t('reasonInvalid') }]}
            >
              <Input.TextArea rows={3} maxLength={500} data-testid="payment-refund-reason" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}

'use client';

import { RollbackOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';

import type { OrderViewModel } from './order-view-model';

export type PaymentRow = OrderViewModel['payments'][number];

/** A payment's money movements (authorisation, capture, refunds), shown when its row is expanded. */
export function PaymentTransactions({ row }: { row: PaymentRow }) {
  const t = useTranslations('orders.payments');
  return (
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
  );
}

/** The payments table's columns; `onRefund` (orders:refund) adds Refund to refundable payments. */
export function usePaymentColumns(onRefund: ((row: PaymentRow) => void) | null): TableColumnsType<PaymentRow> {
  const t = useTranslations('orders.payments');
  const ts = useTranslations('orders');
  return [
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
    ...(onRefund
      ? [
          {
            key: 'refund',
            title: '',
            render: (_: unknown, row: PaymentRow) =>
              row.refundable && (
                <Button size="small" icon={<RollbackOutlined />} onClick={() => onRefund(row)} data-testid="payment-refund">
                  {t('refund')}
                </Button>
              ),
          },
        ]
      : []),
  ];
}

'use client';

import { useState } from 'react';
import { Empty } from 'antd';
import { useTranslations } from 'next-intl';

import { ListTable } from '@/components/list/list-table';
import { useMounted } from '@/components/shell/use-mounted';

import { PaymentTransactions, usePaymentColumns, type PaymentRow } from './order-payment-columns';
import { OrderRefundModal } from './order-refund-modal';
import type { OrderViewModel } from './order-view-model';

/** Payment records with their money movements; Refund per payment with orders:refund. */
export function OrderPayments({ order, canRefund }: { order: OrderViewModel; canRefund: boolean }) {
  const t = useTranslations('orders.payments');
  const mounted = useMounted();
  const [refunding, setRefunding] = useState<PaymentRow | null>(null);
  const columns = usePaymentColumns(canRefund ? setRefunding : null);
  return (
    <>
      <ListTable<PaymentRow>
        rows={order.payments}
        size="small"
        columns={columns}
        emptyText={t('none')}
        emptyImage={Empty.PRESENTED_IMAGE_SIMPLE}
        rowData={(row) => ({ 'data-testid': 'payment-row', 'data-status': row.status })}
        expandable={{ rowExpandable: (row) => row.transactions.length > 0, expandedRowRender: (row) => <PaymentTransactions row={row} /> }}
      />
      {mounted && canRefund && <OrderRefundModal orderNumber={order.number} payment={refunding} onClose={() => setRefunding(null)} />}
    </>
  );
}

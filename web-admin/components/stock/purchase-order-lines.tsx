'use client';

import { useTranslations } from 'next-intl';

import { ListTable } from '@/components/list/list-table';

import { remaining, type PurchaseOrderLineRow } from './purchase-order-model';
import { VariantLabel } from './variant-label';

/** A purchase order's lines: ordered, received and still to come, and the lots received. */
export function PurchaseOrderLines({ lines }: { lines: PurchaseOrderLineRow[] }) {
  const t = useTranslations('stock.purchaseOrders');
  return (
    <ListTable<PurchaseOrderLineRow>
      rows={lines}
      emptyText={t('noLines')}
      rowData={(line) => ({ 'data-testid': 'po-line-row', 'data-sku': line.variant?.sku ?? '' })}
      columns={[
        { key: 'variant', title: t('lineColumns.variant'), render: (_: unknown, line) => <VariantLabel variant={line.variant} /> },
        { key: 'ordered', dataIndex: 'quantityOrdered', title: t('lineColumns.ordered'), align: 'end' },
        {
          key: 'received',
          dataIndex: 'quantityReceived',
          title: t('lineColumns.received'),
          align: 'end',
          render: (n: number) => <span data-testid="po-line-received">{n}</span>,
        },
        { key: 'remaining', title: t('lineColumns.remaining'), align: 'end', render: (_: unknown, line) => remaining(line) },
        { key: 'unitCost', dataIndex: 'unitCost', title: t('lineColumns.unitCost'), align: 'end' },
        {
          key: 'lots',
          title: t('lineColumns.lots'),
          render: (_: unknown, line) => <span data-testid="po-line-lots">{line.lotCodes.length ? line.lotCodes.join(', ') : '—'}</span>,
        },
      ]}
    />
  );
}

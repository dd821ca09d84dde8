'use client';

import { Space } from 'antd';
import { useTranslations } from 'next-intl';

import type { ReplenishmentSuggestionNode } from '@/app/(console)/stock/replenishment/replenishment.graphql';
import { ListTable } from '@/components/list/list-table';

import { useReplenishmentColumns } from './replenishment-columns';
import { ReplenishmentPoButtons } from './replenishment-po-buttons';

const rowKey = (row: ReplenishmentSuggestionNode) => `${row.variant?.id ?? '?'}:${row.warehouse?.id ?? '?'}`;

/** The suggestions, and one "Create PO" per supplier × warehouse that has suggestions. */
export function ReplenishmentTable({ rows, canWrite }: { rows: ReplenishmentSuggestionNode[]; canWrite: boolean }) {
  const t = useTranslations('stock.replenishment');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {canWrite && <ReplenishmentPoButtons rows={rows} />}
      <ListTable<ReplenishmentSuggestionNode>
        rows={rows}
        rowKey={rowKey}
        columns={useReplenishmentColumns()}
        emptyText={t('empty')}
        rowData={(row) => ({ 'data-testid': 'replenishment-row', 'data-sku': row.variant?.sku ?? '' })}
      />
    </Space>
  );
}

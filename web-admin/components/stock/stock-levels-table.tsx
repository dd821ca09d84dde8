'use client';

import { useState } from 'react';
import { theme } from 'antd';
import { useTranslations } from 'next-intl';

import type { StockLevelsListNode } from '@/app/(console)/stock/stock.graphql';
import { ListTable } from '@/components/list/list-table';
import { useMounted } from '@/components/shell/use-mounted';
import type { Connection } from '@/lib/connection';

import { StockAdjustModal } from './stock-adjust-modal';
import { StockLevelSettingsModal } from './stock-level-settings-modal';
import { useStockLevelColumns } from './stock-levels-columns';

const rowData = (row: StockLevelsListNode) => ({
  'data-testid': 'stock-level-row',
  'data-level-id': row.id,
  'data-variant-id': row.variant?.id ?? '',
  'data-warehouse-id': row.warehouse.id,
  'data-sku': row.variant?.sku ?? '',
  'data-low-stock': row.lowStock ? 'true' : 'false',
});

/** Stock levels with low-stock rows highlighted; Adjust / Levels dialogs with stock:write. */
export function StockLevelsTable({ levels, canWrite }: { levels: Connection<StockLevelsListNode>; canWrite: boolean }) {
  const t = useTranslations('stock.overview');
  const { token } = theme.useToken();
  const mounted = useMounted();
  const [adjusting, setAdjusting] = useState<StockLevelsListNode | null>(null);
  const [editing, setEditing] = useState<StockLevelsListNode | null>(null);
  const columns = useStockLevelColumns(canWrite ? { onAdjust: setAdjusting, onLevels: setEditing } : null);
  return (
    <>
      <style>{`.stock-row-low > td { background: ${token.colorErrorBg} !important; }`}</style>
      <ListTable<StockLevelsListNode>
        connection={levels}
        columns={columns}
        emptyText={t('empty')}
        rowData={rowData}
        rowClassName={(row) => (row.lowStock ? 'stock-row-low' : '')}
      />
      {mounted && canWrite && (
        <>
          <StockAdjustModal level={adjusting} onClose={() => setAdjusting(null)} />
          <StockLevelSettingsModal level={editing} onClose={() => setEditing(null)} />
        </>
      )}
    </>
  );
}

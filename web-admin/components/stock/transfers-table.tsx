'use client';

import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { receiveTransfer, shipTransfer } from '@/app/(console)/stock/transfers/actions';
import type { StockTransfersListNode } from '@/app/(console)/stock/transfers/transfers.graphql';
import { useStepUp } from '@/components/access/step-up';
import { ListTable } from '@/components/list/list-table';
import { useMounted } from '@/components/shell/use-mounted';
import type { Connection } from '@/lib/connection';

import { useStockFeedback } from './stock-feedback';
import { TransferCreateModal } from './transfer-create-modal';
import { useTransferColumns } from './transfers-columns';
import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

/** Stock transfers; with stock:write, create, ship and receive. */
export function TransfersTable({
  transfers,
  warehouses,
  canWrite,
}: {
  transfers: Connection<StockTransfersListNode>;
  warehouses: WarehouseLabel_Warehouse[];
  canWrite: boolean;
}) {
  const t = useTranslations('stock.transfers');
  const router = useRouter();
  const { message } = App.useApp();
  const withStepUp = useStepUp();
  const { report } = useStockFeedback();
  const mounted = useMounted();
  const [creating, setCreating] = useState(false);

  const act = async (run: () => Promise<Parameters<typeof report>[0]>, done: string) => {
    const result = await withStepUp(run);
    if (!result.ok) return void report(result);
    void message.success(done);
    router.refresh();
  };
  const columns = useTransferColumns(
    canWrite
      ? {
          onShip: (row) => act(() => shipTransfer(row.id), t('shipped', { number: row.number })),
          onReceive: (row) => act(() => receiveTransfer(row.id), t('received', { number: row.number })),
        }
      : null,
  );

  return (
    <>
      <ListTable<StockTransfersListNode>
        connection={transfers}
        columns={columns}
        emptyText={t('empty')}
        rowData={(row) => ({ 'data-testid': 'stock-transfer-row', 'data-status': row.status, 'data-number': row.number })}
        toolbar={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="transfer-create">
              {t('create')}
            </Button>
          )
        }
      />
      {mounted && canWrite && <TransferCreateModal open={creating} onClose={() => setCreating(false)} warehouses={warehouses} />}
    </>
  );
}

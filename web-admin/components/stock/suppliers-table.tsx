'use client';

import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslations } from 'next-intl';

import type { SuppliersListNode } from '@/app/(console)/stock/suppliers/suppliers.graphql';
import { ListTable } from '@/components/list/list-table';
import { useMounted } from '@/components/shell/use-mounted';
import type { Connection } from '@/lib/connection';

import { SupplierCostModal } from './supplier-cost-modal';
import { SupplierModal } from './supplier-modal';
import { useSupplierColumns } from './suppliers-columns';

/** Suppliers; with stock:write, create, edit and set what they charge per variant. */
export function SuppliersTable({ suppliers, canWrite }: { suppliers: Connection<SuppliersListNode>; canWrite: boolean }) {
  const t = useTranslations('stock.suppliers');
  const mounted = useMounted();
  /** null: closed; 'new': create; a row: edit. */
  const [editing, setEditing] = useState<SuppliersListNode | 'new' | null>(null);
  const [pricing, setPricing] = useState<SuppliersListNode | null>(null);
  const columns = useSupplierColumns(canWrite ? { onEdit: setEditing, onSetCost: setPricing } : null);
  return (
    <>
      <ListTable<SuppliersListNode>
        connection={suppliers}
        columns={columns}
        emptyText={t('empty')}
        rowData={(row) => ({ 'data-testid': 'supplier-row', 'data-name': row.name, 'data-supplier-id': row.id })}
        toolbar={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="supplier-create">
              {t('create')}
            </Button>
          )
        }
      />
      {mounted && canWrite && (
        <>
          <SupplierModal editing={editing} onClose={() => setEditing(null)} />
          <SupplierCostModal supplier={pricing} onClose={() => setPricing(null)} />
        </>
      )}
    </>
  );
}

'use client';

import { useState } from 'react';

import { ListTable } from '@/components/list/list-table';
import type { Connection } from '@/lib/connection';

import { useProductSort, type ProductSort } from './product-sort';
import type { ProductRow } from './product-row';
import { useProductColumns } from './products-columns';
import { ProductsBulkBar } from './products-bulk-bar';

/**
 * The product list: column sort (kept in the URL as `sort` and `reverse`, back to the
 * first page), and with catalog:write a selection for the bulk actions.
 */
export function ProductsTable({
  products,
  keep,
  emptyText,
  sort,
  canWrite,
}: {
  products: Connection<ProductRow>;
  keep: Record<string, string | null>;
  emptyText: string;
  sort: ProductSort;
  canWrite: boolean;
}) {
  const [selected, setSelected] = useState<string[]>([]);
  const { sorted, onChange } = useProductSort<ProductRow>(sort);
  return (
    <>
      {canWrite && <ProductsBulkBar selected={selected} onDone={() => setSelected([])} />}
      <ListTable<ProductRow>
        connection={products}
        keep={keep}
        columns={useProductColumns(sorted)}
        onChange={onChange}
        rowSelection={canWrite ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined}
        emptyText={emptyText}
        rowData={(row) => ({ 'data-testid': 'product-row', 'data-product-id': row.id, 'data-handle': row.handle })}
        scroll={undefined}
      />
    </>
  );
}

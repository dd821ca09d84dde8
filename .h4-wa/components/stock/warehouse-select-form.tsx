'use client';

import { useRouter } from 'next/navigation';
import { Select } from 'antd';
import { useTranslations } from 'next-intl';

import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

/** A warehouse filter that navigates to `?warehouseId=` (first page) as soon as it changes. */
export function WarehouseSelectForm({
  warehouses,
  value,
  allowAll = true,
  keep = {},
}: {
  warehouses: WarehouseLabel_Warehouse[];
  value: string | null;
  allowAll?: boolean;
  /** Other search parameters that survive the change, e.g. `{ variantId }`. */
  keep?: Record<string, string | null>;
}) {
  const t = useTranslations('stock.overview');
  const router = useRouter();
  const go = (warehouseId: string) => {
    const next = new URLSearchParams();
    for (const [name, v] of Object.entries(keep)) if (v) next.set(name, v);
    if (warehouseId) next.set('warehouseId', warehouseId);
    router.push(`?${next.toString()}`);
  };
  return (
    <Select
      aria-label={t('warehouse')}
      data-testid="warehouse-select"
      value={value ?? ''}
      onChange={go}
      style={{ width: 240, marginBottom: 16 }}
      options={[
        ...(allowAll ? [{ value: '', label: t('allWarehouses') }] : []),
        ...warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}`, 'data-code': w.code })),
      ]}
    />
  );
}

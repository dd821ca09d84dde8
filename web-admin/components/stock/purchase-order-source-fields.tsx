'use client';

import { Flex, Form, Select } from 'antd';
import { useTranslations } from 'next-intl';

import type { SupplierOption } from '@/app/(console)/stock/purchase-orders/purchase-orders.graphql';

import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

/** The supplier a purchase order buys from and the warehouse it is delivered to. */
export function PurchaseOrderSourceFields({ suppliers, warehouses }: { suppliers: SupplierOption[]; warehouses: WarehouseLabel_Warehouse[] }) {
  const t = useTranslations('stock.purchaseOrders');
  const tc = useTranslations('common');
  return (
    <Flex gap={12} wrap>
      <Form.Item name="supplierId" label={t('columns.supplier')} rules={[{ required: true, message: tc('required') }]} style={{ minWidth: 260 }}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="po-supplier"
          notFoundContent={t('noSuppliers')}
          options={suppliers.map((s) => ({ value: s.id, label: `${s.name} (${s.currencyCode})`, 'data-name': s.name }))}
        />
      </Form.Item>
      <Form.Item name="warehouseId" label={t('columns.warehouse')} rules={[{ required: true, message: tc('required') }]} style={{ minWidth: 220 }}>
        <Select data-testid="po-warehouse" options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}`, 'data-code': w.code }))} />
      </Form.Item>
    </Flex>
  );
}

'use client';

import { Flex, Form, Select, type FormRule } from 'antd';
import { useTranslations } from 'next-intl';

import type { WarehouseLabel_Warehouse } from './variant-label.graphql';

/** A rule for the destination: not the warehouse the goods leave. */
const differentFrom =
  (message: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_, value) => {
      if (value && value === getFieldValue('fromWarehouseId')) throw new Error(message);
    },
  });

/** The From and To warehouses of a transfer, which must differ. */
export function TransferWarehouseFields({ warehouses }: { warehouses: WarehouseLabel_Warehouse[] }) {
  const t = useTranslations('stock.transfers');
  const tc = useTranslations('common');
  const options = warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}`, 'data-code': w.code }));
  return (
    <Flex gap={12} wrap>
      <Form.Item name="fromWarehouseId" label={t('columns.from')} rules={[{ required: true, message: tc('required') }]} style={{ minWidth: 220 }}>
        <Select options={options} data-testid="transfer-from" />
      </Form.Item>
      <Form.Item
        name="toWarehouseId"
        label={t('columns.to')}
        dependencies={['fromWarehouseId']}
        rules={[{ required: true, message: tc('required') }, differentFrom(t('sameWarehouse'))]}
        style={{ minWidth: 220 }}
      >
        <Select options={options} data-testid="transfer-to" />
      </Form.Item>
    </Flex>
  );
}

'use client';

import { Flex, Form, InputNumber } from 'antd';
import { useTranslations } from 'next-intl';

import { remaining, type PurchaseOrderLineRow } from './purchase-order-model';
import { VariantLabel } from './variant-label';

/** One quantity per line (inside the receive form's `lines` list), at most what is still to come. */
export function PurchaseOrderReceiveLines({ lines }: { lines: PurchaseOrderLineRow[] }) {
  const t = useTranslations('stock.purchaseOrders');
  return (
    <Form.List name="lines">
      {(fields) =>
        fields.map((field) => {
          const line = lines[field.name];
          if (!line) return null;
          return (
            <Flex key={field.key} gap={12} align="center" wrap>
              <div style={{ flex: 1, minWidth: 220 }}>
                <VariantLabel variant={line.variant} />
              </div>
              <Form.Item name={[field.name, 'lineId']} hidden>
                <input type="hidden" />
              </Form.Item>
              <Form.Item
                name={[field.name, 'quantity']}
                label={t('receiveQuantity', { remaining: remaining(line) })}
                rules={[{ type: 'integer', min: 0, max: remaining(line), message: t('receiveInvalid', { remaining: remaining(line) }) }]}
              >
                <InputNumber min={0} precision={0} style={{ width: 140 }} data-testid={`po-receive-quantity-${field.name}`} />
              </Form.Item>
            </Flex>
          );
        })
      }
    </Form.List>
  );
}

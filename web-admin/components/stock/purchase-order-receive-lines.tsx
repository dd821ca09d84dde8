'use client';

import { Flex, Form, Input, InputNumber } from 'antd';
import { useTranslations } from 'next-intl';

import { remaining, type PurchaseOrderLineRow } from './purchase-order-model';
import { VariantLabel } from './variant-label';

/** The server's rule for a lot code (stock purchasing/lots.ts), checked here first so the field shows it at once. */
const LOT_CODE = /^\s*[A-Za-z0-9][A-Za-z0-9._/-]{0,63}\s*$/;

/** One quantity per line (inside the receive form's `lines` list), at most what is still to come, and its lot code. */
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
              <Form.Item
                name={[field.name, 'lotCode']}
                label={t('receiveLotCode')}
                rules={[{ pattern: LOT_CODE, message: t('receiveLotCodeInvalid') }]}
              >
                <Input dir="ltr" maxLength={64} style={{ width: 160 }} data-testid={`po-receive-lot-${field.name}`} />
              </Form.Item>
            </Flex>
          );
        })
      }
    </Form.List>
  );
}

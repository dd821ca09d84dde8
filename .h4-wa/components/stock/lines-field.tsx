'use client';

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber } from 'antd';
import { useTranslations } from 'next-intl';

import { VariantPicker } from './variant-picker';

/**
 * `lines: [{ variantId, quantity, unitCost? }]` as a Form.List; userErrors at
 * `["input", "lines", "<i>", "<field>"]` land on the matching input.
 */
export function LinesField({ withCost = false }: { withCost?: boolean }) {
  const t = useTranslations('stock.lines');
  const tc = useTranslations('common');
  return (
    <Form.List
      name="lines"
      rules={[
        {
          validator: async (_, lines?: unknown[]) => {
            if (!lines?.length) throw new Error(t('atLeastOne'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap data-testid="line-row">
              <Form.Item
                name={[field.name, 'variantId']}
                label={index === 0 ? t('variant') : undefined}
                rules={[{ required: true, message: tc('required') }]}
                style={{ flex: 1, minWidth: 260 }}
              >
                <VariantPicker testId={`line-variant-${index}`} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'quantity']}
                label={index === 0 ? t('quantity') : undefined}
                rules={[{ required: true, type: 'integer', min: 1, message: t('quantityInvalid') }]}
              >
                <InputNumber min={1} precision={0} style={{ width: 110 }} data-testid={`line-quantity-${index}`} />
              </Form.Item>
              {withCost && (
                <Form.Item
                  name={[field.name, 'unitCost']}
                  label={index === 0 ? t('unitCost') : undefined}
                  rules={[{ pattern: /^\d+(\.\d{1,3})?$/, message: t('costInvalid') }]}
                >
                  <Input inputMode="decimal" style={{ width: 120 }} placeholder="0.00" data-testid={`line-cost-${index}`} />
                </Form.Item>
              )}
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('remove')}
                onClick={() => remove(field.name)}
                style={{ marginTop: index === 0 ? 30 : 0 }}
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} data-testid="line-add">
            {t('add')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

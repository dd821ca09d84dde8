'use client';

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Typography } from 'antd';
import { useTranslations } from 'next-intl';

import { decimalRule } from './decimal-rule';

/**
 * 满减 tiers: "spend at least … take … off", one row each. The engine takes the highest tier the
 * cart reaches; the rows are kept in the order typed and the server refuses thresholds out of order.
 */
export function TiersField({ currencyCode }: { currencyCode: string }) {
  const t = useTranslations('promotions.editor');
  return (
    <Form.List
      name="spendTiers"
      rules={[
        {
          validator: async (_, tiers?: unknown[]) => {
            if (!tiers?.length) throw new Error(t('tiersRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="baseline" wrap data-testid="promotion-tier">
              <Typography.Text>{t('tierSpend')}</Typography.Text>
              <Form.Item name={[field.name, 'threshold']} rules={[{ required: true, message: t('amountRequired') }, decimalRule(t('amountInvalid'))]}>
                <Input inputMode="decimal" dir="ltr" suffix={currencyCode} style={{ width: 140 }} data-testid={`promotion-tier-threshold-${index}`} />
              </Form.Item>
              <Typography.Text>{t('tierOff')}</Typography.Text>
              <Form.Item name={[field.name, 'amountOff']} rules={[{ required: true, message: t('amountRequired') }, decimalRule(t('amountInvalid'))]}>
                <Input inputMode="decimal" dir="ltr" suffix={currencyCode} style={{ width: 120 }} data-testid={`promotion-tier-off-${index}`} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('tierRemove')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="promotion-tier-add">
            {t('tierAdd')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

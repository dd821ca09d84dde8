'use client';

import { Flex, Form, Input, InputNumber } from 'antd';
import { useTranslations } from 'next-intl';

import { decimalRule } from './decimal-rule';
import type { PromotionKind } from './promotion-enums';
import { TiersField } from './tiers-field';

/** The benefit of each kind: tiers, a percentage (with its cap), an amount, quantities; a minimum spend where it fits. */
export function KindFields({ kind, currencyCode }: { kind: PromotionKind; currencyCode: string }) {
  const t = useTranslations('promotions.editor');
  const amountRules = (required: boolean) => [
    ...(required ? [{ required: true, message: t('amountRequired') }] : []),
    decimalRule(t('amountInvalid')),
  ];
  const amount = (name: string, label: string, required: boolean, extra?: string) => (
    <Form.Item name={name} label={label} rules={amountRules(required)} extra={extra}>
      <Input inputMode="decimal" dir="ltr" suffix={currencyCode} style={{ width: 180 }} data-testid={`promotion-${name}`} />
    </Form.Item>
  );
  const count = (name: string, label: string, min: number) => (
    <Form.Item name={name} label={label} rules={[{ required: true, type: 'integer', min, message: t('countInvalid', { min }) }]}>
      <InputNumber min={min} max={100} precision={0} style={{ width: 100 }} data-testid={`promotion-${name}`} />
    </Form.Item>
  );
  const percent = (label: string, extra?: string) => (
    <Form.Item
      name="percentOff"
      label={label}
      extra={extra}
      rules={[{ required: true, type: 'number', min: 0.01, max: 100, message: t('percentInvalid') }]}
    >
      <InputNumber min={0.01} max={100} precision={2} suffix="%" style={{ width: 140 }} data-testid="promotion-percentOff" />
    </Form.Item>
  );

  const minimumSpend = amount('minimumSpend', t('minSpend'), false);
  switch (kind) {
    case 'TIERED_SPEND':
      return <TiersField currencyCode={currencyCode} />;
    case 'PERCENT_OFF':
    case 'TIER_PRICE':
      return (
        <Flex gap={16} wrap>
          {percent(t(kind === 'TIER_PRICE' ? 'tierPercentOff' : 'percentOff'))}
          {amount('maxDiscount', t('capAmount'), false, t('capAmountHelp'))}
          {minimumSpend}
        </Flex>
      );
    case 'FIXED_OFF':
      return (
        <Flex gap={16} wrap>
          {amount('amountOff', t('amountOff'), true)}
          {minimumSpend}
        </Flex>
      );
    case 'BUY_X_GET_Y':
      return (
        <Flex gap={16} wrap>
          {count('buyQuantity', t('buyQuantity'), 1)}
          {count('getQuantity', t('getQuantity'), 1)}
          {percent(t('getPercentOff'), t('getPercentOffHelp'))}
          {minimumSpend}
        </Flex>
      );
    case 'NTH_ITEM_PERCENT':
      return (
        <Flex gap={16} wrap>
          {count('nth', t('nth'), 2)}
          {percent(t('nthPercentOff'), t('nthPercentOffHelp'))}
          {minimumSpend}
        </Flex>
      );
  }
}

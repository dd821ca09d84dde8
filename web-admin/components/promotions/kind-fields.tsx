'use client';

import { Flex, Form, Input, InputNumber, Select } from 'antd';
import { useTranslations } from 'next-intl';

import type { MemberTier } from '@/app/(console)/promotions/search.graphql';

import { decimalRule } from './decimal-rule';
import type { PromotionKind } from './promotion-enums';
import { TiersField } from './tiers-field';

const memberTiers: MemberTier[] = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'];

/** The benefit of each kind: tiers, a percentage, an amount, quantities, member tiers. */
export function KindFields({ kind, currencyCode }: { kind: PromotionKind; currencyCode: string }) {
  const t = useTranslations('promotions.editor');
  const tiers = useTranslations('promotions.tiers');
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
      <InputNumber min={min} max={99} precision={0} style={{ width: 100 }} data-testid={`promotion-${name}`} />
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

  switch (kind) {
    case 'TIERED_SPEND':
      return <TiersField currencyCode={currencyCode} />;
    case 'PERCENT_OFF':
      return (
        <Flex gap={16} wrap>
          {percent(t('percentOff'))}
          {amount('capAmount', t('capAmount'), false, t('capAmountHelp'))}
          {amount('minSpend', t('minSpend'), false)}
        </Flex>
      );
    case 'FIXED_OFF':
      return (
        <Flex gap={16} wrap>
          {amount('amountOff', t('amountOff'), true)}
          {amount('minSpend', t('minSpend'), false)}
        </Flex>
      );
    case 'BUY_X_GET_Y':
      return (
        <Flex gap={16} wrap>
          {count('buyQuantity', t('buyQuantity'), 1)}
          {count('getQuantity', t('getQuantity'), 1)}
          {percent(t('getPercentOff'), t('getPercentOffHelp'))}
        </Flex>
      );
    case 'NTH_ITEM_PERCENT':
      return (
        <Flex gap={16} wrap>
          {count('nth', t('nth'), 2)}
          {percent(t('nthPercentOff'), t('nthPercentOffHelp'))}
        </Flex>
      );
    case 'TIER_PRICE':
      return (
        <Flex gap={16} wrap>
          <Form.Item
            name="memberTiers"
            label={t('memberTiers')}
            rules={[{ required: true, type: 'array', min: 1, message: t('memberTiersRequired') }]}
          >
            <Select<MemberTier[]>
              mode="multiple"
              style={{ minWidth: 240 }}
              data-testid="promotion-memberTiers"
              options={memberTiers.map((tier) => ({ value: tier, label: tiers(tier) }))}
            />
          </Form.Item>
          {percent(t('tierPercentOff'))}
        </Flex>
      );
  }
}

'use client';

import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import type { AcquisitionChannel, ConsentChannel, CurrencyCode, MemberTier, SegmentRuleInput } from '@/app/(console)/members/segments/segments.graphql';

import { newRule, PARAMS_OF, RULE_KINDS, type RuleRow } from './rule-model';

const TIERS: MemberTier[] = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'];
const CHANNELS: AcquisitionChannel[] = ['ONLINE_STORE', 'MOBILE_APP', 'MINI_PROGRAM', 'POINT_OF_SALE', 'PHONE', 'MARKETPLACE', 'REFERRAL', 'OTHER'];
const CONSENTS: ConsentChannel[] = ['EMAIL', 'SMS', 'LINE', 'WECHAT'];
const CURRENCIES: CurrencyCode[] = ['THB', 'CNY', 'USD', 'SAR', 'AED'];

/** One rule of the builder: its kind, the inputs of its parameters, and the errors the preview or save found. */
export function SegmentRuleRow({
  row,
  errors,
  onChange,
  onRemove,
}: {
  row: RuleRow;
  errors: string[];
  onChange: (row: RuleRow) => void;
  onRemove: () => void;
}) {
  const t = useTranslations('segments');
  const locale = useLocale();
  const set = (patch: Partial<SegmentRuleInput>) => onChange({ ...row, ...patch });
  const monthName = (month: number) => new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
  const number = (value: number | null | undefined, patch: (n: number | null) => Partial<SegmentRuleInput>, testId: string, min = 0) => (
    <InputNumber min={min} precision={0} value={value ?? null} onChange={(n) => set(patch(n))} data-testid={testId} style={{ width: 110 }} />
  );

  const inputs: Record<keyof SegmentRuleInput, () => React.ReactNode> = {
    kind: () => null,
    amount: () => (
      <Input inputMode="decimal" value={row.amount ?? ''} onChange={(e) => set({ amount: e.target.value })} data-testid="rule-amount" style={{ width: 130 }} />
    ),
    currencyCode: () => (
      <Select value={row.currencyCode ?? undefined} onChange={(currencyCode: CurrencyCode) => set({ currencyCode })} options={CURRENCIES.map((c) => ({ value: c, label: c }))} style={{ width: 90 }} />
    ),
    withinDays: () => number(row.withinDays, (withinDays) => ({ withinDays }), 'rule-within-days', 1),
    minOrders: () => number(row.minOrders, (minOrders) => ({ minOrders }), 'rule-min-orders'),
    maxOrders: () => number(row.maxOrders, (maxOrders) => ({ maxOrders }), 'rule-max-orders'),
    days: () => number(row.days, (days) => ({ days }), 'rule-days', 1),
    tiers: () => (
      <Select mode="multiple" value={row.tiers ?? []} onChange={(tiers: MemberTier[]) => set({ tiers })} options={TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))} style={{ minWidth: 200 }} data-testid="rule-tiers" />
    ),
    tag: () => <Input value={row.tag ?? ''} maxLength={40} onChange={(e) => set({ tag: e.target.value })} data-testid="rule-tag" style={{ width: 180 }} />,
    channels: () => (
      <Select mode="multiple" value={row.channels ?? []} onChange={(channels: AcquisitionChannel[]) => set({ channels })} options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))} style={{ minWidth: 220 }} />
    ),
    countryCodes: () => (
      <Select mode="tags" value={row.countryCodes ?? []} onChange={(codes: string[]) => set({ countryCodes: codes.map((c) => c.trim().toUpperCase()) })} tokenSeparators={[',', ' ']} style={{ minWidth: 160 }} />
    ),
    month: () => (
      <Select value={row.month ?? undefined} onChange={(month: number) => set({ month })} options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: monthName(i + 1) }))} style={{ width: 160 }} />
    ),
    consentChannel: () => (
      <Select value={row.consentChannel ?? undefined} onChange={(consentChannel: ConsentChannel) => set({ consentChannel })} options={CONSENTS.map((c) => ({ value: c, label: t(`consents.${c}`) }))} style={{ width: 140 }} />
    ),
  };

  return (
    <div data-testid="segment-rule" style={{ marginBottom: 8 }}>
      <Flex gap={8} wrap align="center">
        <Select
          value={row.kind}
          onChange={(kind) => onChange({ ...newRule(kind), key: row.key })}
          options={RULE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          optionRender={(option) => <span data-testid={`rule-kind-option-${option.value}`}>{option.label}</span>}
          style={{ width: 260 }}
          data-testid="rule-kind"
          aria-label={t('kind')}
        />
        {PARAMS_OF[row.kind].map((param) => (
          <label key={param} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <Typography.Text type="secondary">{t(`params.${param}`)}</Typography.Text>
            {inputs[param]()}
          </label>
        ))}
        <Button icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('removeRule')} data-testid="rule-remove" />
      </Flex>
      {errors.map((text, index) => (
        <Typography.Text key={index} type="danger" style={{ display: 'block' }}>
          {text}
        </Typography.Text>
      ))}
    </div>
  );
}

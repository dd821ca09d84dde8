'use client';

import { Form, Input, Select } from 'antd';
import { useTranslations } from 'next-intl';

import { orderChannels, orderStatuses, paymentStates } from './order-enums';

const amount = /^\d+(\.\d{1,3})?$/;
const inline = { marginBottom: 0 };

/** A multiple choice of enum values, empty meaning any. */
function AnyOf({ name, label, testId, options }: { name: string; label: string; testId: string; options: { value: string; label: string }[] }) {
  const t = useTranslations('orders.filters');
  return (
    <Form.Item name={name} label={label} style={inline}>
      <Select mode="multiple" allowClear aria-label={label} placeholder={t('any')} style={{ minWidth: 200 }} data-testid={testId} options={options} />
    </Form.Item>
  );
}

/** The filter bar's fields besides the search: status, channel, payment, days, totals, tag and flags. */
export function OrderFilterFields({ flags }: { flags: boolean }) {
  const t = useTranslations('orders.filters');
  const ts = useTranslations('orders');
  return (
    <>
      <AnyOf name="status" label={t('status')} testId="order-filter-status" options={orderStatuses.map((s) => ({ value: s, label: ts(`status.${s}`) }))} />
      <AnyOf name="channel" label={t('channel')} testId="order-filter-channel" options={orderChannels.map((c) => ({ value: c, label: ts(`channel.${c}`) }))} />
      <AnyOf name="pay" label={t('payment')} testId="order-filter-payment" options={paymentStates.map((p) => ({ value: p, label: ts(`paymentState.${p}`) }))} />
      <Form.Item name="from" label={t('from')} htmlFor="order-from" style={inline}>
        <Input id="order-from" type="date" style={{ width: 160 }} data-testid="order-filter-from" />
      </Form.Item>
      <Form.Item name="to" label={t('to')} htmlFor="order-to" style={inline}>
        <Input id="order-to" type="date" style={{ width: 160 }} data-testid="order-filter-to" />
      </Form.Item>
      <Form.Item name="min" label={t('totalMin')} htmlFor="order-min" rules={[{ pattern: amount, message: t('amountInvalid') }]} style={inline}>
        <Input id="order-min" inputMode="decimal" style={{ width: 120 }} data-testid="order-filter-min" />
      </Form.Item>
      <Form.Item name="max" label={t('totalMax')} htmlFor="order-max" rules={[{ pattern: amount, message: t('amountInvalid') }]} style={inline}>
        <Input id="order-max" inputMode="decimal" style={{ width: 120 }} data-testid="order-filter-max" />
      </Form.Item>
      <Form.Item name="tag" label={t('tag')} htmlFor="order-tag" style={inline}>
        <Input id="order-tag" style={{ width: 140 }} data-testid="order-filter-tag" />
      </Form.Item>
      <Form.Item name="flagged" label={t('flagged')} style={inline} hidden={!flags}>
        <Select
          aria-label={t('flagged')}
          style={{ width: 150 }}
          data-testid="order-filter-flagged"
          options={[
            { value: '', label: t('any') },
            { value: '1', label: t('flaggedOnly') },
            { value: '0', label: t('notFlagged') },
          ]}
        />
      </Form.Item>
    </>
  );
}

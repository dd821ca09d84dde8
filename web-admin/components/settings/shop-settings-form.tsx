'use client';

import { useState } from 'react';
import { App, AutoComplete, Button, Form, Select, Switch } from 'antd';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';

import { saveShopSettings } from '@/app/(console)/settings/actions';
import type { CurrencyCode, ShopSettingsFields } from '@/app/(console)/settings/settings.graphql';
import { useActionFeedback } from '@/components/access/action-feedback';
import { useStepUp } from '@/components/access/step-up';
import { enumValues } from '@/lib/enum-values';

/** Zones offered in the picker; any other IANA name may be typed (the server checks it). */
const COMMON_ZONES = ['Asia/Bangkok', 'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Riyadh', 'Asia/Dubai', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'UTC'];
const CURRENCIES = enumValues<CurrencyCode>()(['THB', 'CNY', 'HKD', 'TWD', 'SAR', 'AED', 'KWD', 'USD', 'JPY']);
const FIELDS = ['timeZone', 'currencyCode', 'weekStartsOn', 'buddhistEra', 'hijri'];

/** A weekday's name in the locale (1 = Monday … 7 = Sunday; 2024-01-01 was a Monday). */
const weekdayName = (isoWeekday: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoWeekday)));

/** The settings form; saving asks for a step-up like other sensitive actions, then re-renders every date. */
export function ShopSettingsForm({ initial }: { initial: ShopSettingsFields }) {
  const t = useTranslations('settings');
  const locale = useLocale();
  const router = useRouter();
  const withStepUp = useStepUp();
  const report = useActionFeedback();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShopSettingsFields>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: ShopSettingsFields) => {
    setBusy(true);
    const result = await withStepUp(() => saveShopSettings({ ...values, timeZone: values.timeZone.trim() })).finally(() => setBusy(false));
    if (!result.ok) return report(result, form, FIELDS);
    void message.success(t('saved'));
    router.refresh();
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} style={{ maxWidth: 480 }} data-testid="shop-settings-form">
      <Form.Item name="timeZone" label={t('timeZone')} extra={t('timeZoneHelp')} rules={[{ required: true }]}>
        <AutoComplete options={COMMON_ZONES.map((zone) => ({ value: zone }))} data-testid="settings-time-zone" />
      </Form.Item>
      <Form.Item name="currencyCode" label={t('currencyCode')}>
        <Select options={CURRENCIES.map((code) => ({ value: code, label: code }))} data-testid="settings-currency" />
      </Form.Item>
      <Form.Item name="weekStartsOn" label={t('weekStartsOn')}>
        <Select options={[1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: day, label: weekdayName(day, locale) }))} data-testid="settings-week-start" />
      </Form.Item>
      <Form.Item name="buddhistEra" label={t('buddhistEra')} valuePropName="checked">
        <Switch data-testid="settings-buddhist-era" />
      </Form.Item>
      <Form.Item name="hijri" label={t('hijri')} valuePropName="checked">
        <Switch data-testid="settings-hijri" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="settings-save">
        {t('save')}
      </Button>
    </Form>
  );
}

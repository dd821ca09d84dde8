'use client';

import { useState, useTransition } from 'react';
import { App, Button, Checkbox, Form, Input, InputNumber, Popconfirm, Space } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { archiveFlashSale, saveFlashSale } from '@/app/(console)/flash-sales/actions';
import { FormErrors } from '@/components/shell/form-errors';
import { useUserErrorFeedback, type NamePath } from '@/components/shell/user-error-feedback';

import { FLASH_SALE_CHANNELS, FLASH_SALE_ERROR_CODES, FLASH_SALE_LOCALES } from './error-codes';
import { fromShopLocal, toShopLocal } from './shop-clock';

export interface FlashSaleDraft {
  id: string | null;
  titles: Record<string, string>;
  startsAt: string | null;
  endsAt: string | null;
  channels: string[];
  paymentTimeoutMinutes: number;
}

interface Values {
  titles: Record<string, string>;
  startsAt: string;
  endsAt: string;
  channels: string[];
  paymentTimeoutMinutes: number;
}

/** `["titles", 0, ...]` (the API's list of titles) → the form's one field per locale; other paths as they are. */
const toForm = (path: NamePath): NamePath => (path[0] === 'titles' ? ['titles', 'en'] : path);

/** A session's titles (one per locale), window in the shop's time zone, channels and payment timeout. */
export function FlashSaleForm({ draft, timeZone, editable }: { draft: FlashSaleDraft; timeZone: string; editable: boolean }) {
  const t = useTranslations('flashSales');
  const [form] = Form.useForm<Values>();
  const router = useRouter();
  const { message } = App.useApp();
  const [pending, startTransition] = useTransition();
  const [loose, setLoose] = useState<string[]>([]);
  const { report } = useUserErrorFeedback({ namespace: 'flashSaleErrors', codes: FLASH_SALE_ERROR_CODES });

  const submit = (values: Values) =>
    startTransition(async () => {
      const titles = FLASH_SALE_LOCALES.filter((locale) => values.titles[locale]?.trim()).map((locale) => ({ locale, text: values.titles[locale]!.trim() }));
      const startsAt = fromShopLocal(values.startsAt, timeZone);
      const endsAt = fromShopLocal(values.endsAt, timeZone);
      if (!startsAt || !endsAt) {
        form.setFields([{ name: startsAt ? 'endsAt' : 'startsAt', errors: [t('invalidTime')] }]);
        return;
      }
      const result = await saveFlashSale(draft.id, { titles, startsAt, endsAt, channels: values.channels, paymentTimeoutMinutes: values.paymentTimeoutMinutes });
      setLoose(report(result, form, toForm));
      if (!result.ok) return;
      void message.success(t('saved'));
      if (draft.id) router.refresh();
      else router.push(`/flash-sales/${result.value}`);
    });

  const archive = () =>
    startTransition(async () => {
      const result = await archiveFlashSale(draft.id!);
      setLoose(report(result, form, toForm));
      if (result.ok) router.push('/flash-sales');
    });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={!editable || pending}
      onFinish={submit}
      style={{ maxWidth: 640 }}
      data-testid="flash-sale-form"
      initialValues={{
        titles: draft.titles,
        startsAt: draft.startsAt ? toShopLocal(draft.startsAt, timeZone) : '',
        endsAt: draft.endsAt ? toShopLocal(draft.endsAt, timeZone) : '',
        channels: draft.channels,
        paymentTimeoutMinutes: draft.paymentTimeoutMinutes,
      }}
    >
      <FormErrors messages={loose} />
      {FLASH_SALE_LOCALES.map((locale) => (
        <Form.Item
          key={locale}
          name={['titles', locale]}
          label={t('titleIn', { locale })}
          rules={locale === 'en' ? [{ required: true, whitespace: true, message: t('titleRequired') }] : []}
        >
          <Input maxLength={200} dir={locale === 'ar' ? 'rtl' : undefined} lang={locale} data-testid={`flash-sale-title-${locale}`} />
        </Form.Item>
      ))}
      <Space wrap>
        <Form.Item name="startsAt" label={t('startsAt', { zone: timeZone })} rules={[{ required: true, message: t('invalidTime') }]}>
          <Input type="datetime-local" data-testid="flash-sale-starts-at" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('endsAt', { zone: timeZone })} rules={[{ required: true, message: t('invalidTime') }]}>
          <Input type="datetime-local" data-testid="flash-sale-ends-at" />
        </Form.Item>
      </Space>
      <Form.Item name="channels" label={t('channels')} extra={t('channelsHelp')}>
        <Checkbox.Group options={FLASH_SALE_CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))} />
      </Form.Item>
      <Form.Item name="paymentTimeoutMinutes" label={t('paymentTimeout')} extra={t('paymentTimeoutHelp')}>
        <InputNumber min={1} max={1440} precision={0} data-testid="flash-sale-timeout" />
      </Form.Item>
      {editable && (
        <Space>
          <Button type="primary" htmlType="submit" loading={pending} data-testid="flash-sale-save">
            {t('save')}
          </Button>
          {draft.id && (
            <Popconfirm title={t('archiveConfirm')} onConfirm={archive} okText={t('archive')} cancelText={t('cancel')}>
              <Button danger disabled={pending}>{t('archive')}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </Form>
  );
}

'use client';

import { useState, useTransition } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { archiveCampaign, saveCampaign, type ProductOption } from '@/app/(console)/group-buys/actions';
import type { CurrencyCode } from '@/app/(console)/group-buys/group-buys.graphql';
import { FormErrors } from '@/components/shell/form-errors';
import { ProductPicker } from './product-picker';
import type { ActionResult } from '@/lib/mutation';

/** The title locales, in the order the editor shows and sends them. */
const LOCALES = ['en', 'th', 'zh-CN', 'zh-TW', 'ar'] as const;
const CURRENCIES: CurrencyCode[] = ['THB', 'CNY', 'HKD', 'TWD', 'SAR', 'AED', 'KWD', 'USD', 'JPY'];

export interface CampaignDraft {
  id: string | null;
  product: ProductOption | null;
  titles: Record<string, string>;
  amount: string;
  currencyCode: CurrencyCode;
  groupSize: number;
  fillMinutes: number;
  /** Wall-clock times in the shop's zone, as datetime-local inputs hold them. */
  startsAt: string;
  endsAt: string;
}

interface FormValues {
  productId?: string;
  titles: Record<string, string>;
  amount: string;
  currencyCode: CurrencyCode;
  groupSize: number;
  fillMinutes: number;
  startsAt: string;
  endsAt: string;
}

type FieldKey = 'productId' | 'titles' | 'groupPrice' | 'groupSize' | 'fillMinutes' | 'startsAt' | 'endsAt';
type FieldName = ['productId'] | ['titles', string] | ['amount'] | ['groupSize'] | ['fillMinutes'] | ['startsAt'] | ['endsAt'];

/** Input fields the server names, as the form's field and the message key that explains the rule. */
const FIELDS: Record<FieldKey, FieldName> = {
  productId: ['productId'],
  titles: ['titles', 'en'],
  groupPrice: ['amount'],
  groupSize: ['groupSize'],
  fillMinutes: ['fillMinutes'],
  startsAt: ['startsAt'],
  endsAt: ['endsAt'],
};

const isFieldKey = (name: string | undefined): name is FieldKey => !!name && name in FIELDS;

/** Creates or edits a campaign; userErrors land on their fields in the viewer's language. */
export function CampaignEditor({ draft, editable }: { draft: CampaignDraft; editable: boolean }) {
  const t = useTranslations('groupBuys');
  const [form] = Form.useForm<FormValues>();
  const router = useRouter();
  const { message } = App.useApp();
  const [pending, startTransition] = useTransition();
  const [otherErrors, setOtherErrors] = useState<string[]>([]);

  function report<T>(result: ActionResult<T>): boolean {
    if (result.ok) return true;
    if (result.reason !== 'USER_ERRORS') {
      setOtherErrors([t(`errors.${result.reason}`)]);
      return false;
    }
    const unplaced: string[] = [];
    for (const error of result.userErrors) {
      const key = error.field?.[1];
      if (isFieldKey(key) && error.code === 'INVALID') {
        const name: FieldName = key === 'titles' && error.field?.[2] ? ['titles', LOCALES[Number(error.field[2])] ?? 'en'] : FIELDS[key];
        form.setFields([{ name, errors: [t(`errors.field.${key}`)] }]);
      } else unplaced.push(error.code === 'NOT_FOUND' || error.code === 'INVALID_STATE' ? t(`errors.${error.code}`) : error.message);
    }
    setOtherErrors(unplaced);
    return false;
  }

  const save = (values: FormValues) =>
    startTransition(async () => {
      setOtherErrors([]);
      const result = await saveCampaign(draft.id, {
        productId: values.productId ?? '',
        titles: LOCALES.map((locale) => ({ locale, text: values.titles[locale] ?? '' })),
        groupPrice: { amount: values.amount, currencyCode: values.currencyCode },
        groupSize: values.groupSize,
        fillMinutes: values.fillMinutes,
        startsAt: values.startsAt,
        endsAt: values.endsAt,
      });
      if (!report(result) || !result.ok) return;
      message.success(t('saved'));
      router.push(`/group-buys/${result.value}`);
      router.refresh();
    });

  const archive = () =>
    startTransition(async () => {
      if (!draft.id || !report(await archiveCampaign(draft.id))) return;
      message.success(t('archived'));
      router.refresh();
    });

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      disabled={!editable || pending}
      onFinish={save}
      data-testid="group-buy-editor"
      initialValues={{
        productId: draft.product?.id,
        titles: draft.titles,
        amount: draft.amount,
        currencyCode: draft.currencyCode,
        groupSize: draft.groupSize,
        fillMinutes: draft.fillMinutes,
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
      }}
    >
      <FormErrors messages={otherErrors} />
      <Card title={t('editor.offer')} style={{ marginBottom: 16 }}>
        <Form.Item name="productId" label={t('editor.product')} rules={[{ required: true, message: t('errors.field.productId') }]}>
          <ProductPicker initial={draft.product} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="amount" label={t('editor.groupPrice')} rules={[{ required: true, message: t('errors.field.groupPrice') }]}>
              <Input inputMode="decimal" data-testid="group-buy-price" />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="currencyCode" label={t('editor.currency')}>
              <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="groupSize" label={t('editor.groupSize')} extra={t('editor.groupSizeHelp')}>
              <InputNumber min={2} max={100} precision={0} style={{ width: '100%' }} data-testid="group-buy-size" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="fillMinutes" label={t('editor.fillMinutes')} extra={t('editor.fillMinutesHelp')}>
              <InputNumber min={5} max={10080} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="startsAt" label={t('editor.startsAt')} rules={[{ required: true, message: t('errors.field.startsAt') }]}>
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="endsAt" label={t('editor.endsAt')} rules={[{ required: true, message: t('errors.field.endsAt') }]}>
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('editor.titles')} style={{ marginBottom: 16 }}>
        {LOCALES.map((locale) => (
          <Form.Item
            key={locale}
            name={['titles', locale]}
            label={t(`locales.${locale}`)}
            rules={locale === 'en' ? [{ required: true, message: t('errors.field.titles') }] : []}
          >
            <Input maxLength={200} dir={locale === 'ar' ? 'rtl' : undefined} lang={locale} data-testid={`group-buy-title-${locale}`} />
          </Form.Item>
        ))}
      </Card>
      {editable && (
        <Space>
          <Button type="primary" htmlType="submit" loading={pending} data-testid="group-buy-save">
            {t('save')}
          </Button>
          {draft.id && (
            <Popconfirm title={t('archiveConfirm')} onConfirm={archive} okText={t('archive')} cancelText={t('cancel')}>
              <Button danger disabled={pending}>
                {t('archive')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </Form>
  );
}


'use client';

import { useState } from 'react';
import { App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Popconfirm, Select, Space } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { archiveCoupon, saveCoupon, type CouponFields } from '@/app/(console)/coupons/actions';
import type { CouponChannel, CouponKind, CouponLocale, CouponMemberTier, CouponScope } from '@/app/(console)/coupons/coupons.graphql';
import { FormErrors } from '@/components/shell/form-errors';
import type { UserError } from '@/lib/mutation';

import { errorKey } from './error-keys';

const KINDS: CouponKind[] = ['PERCENTAGE', 'FIXED_AMOUNT', 'FREE_SHIPPING'];
const SCOPES: CouponScope[] = ['ALL', 'CATEGORIES', 'PRODUCTS', 'COLLECTIONS'];
const CHANNELS: CouponChannel[] = ['ONLINE_STORE', 'MINI_PROGRAM', 'MOBILE_APP', 'POINT_OF_SALE', 'MARKETPLACE'];
const TIERS: CouponMemberTier[] = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'];
const OTHER_LOCALES: CouponLocale[] = ['th', 'zh_CN', 'zh_TW', 'ar'];

/** The form's values: what the coupon holds, amounts as decimal strings, the window as shop days. */
export interface CouponDraft {
  id: string | null;
  code: string;
  title: string;
  titles: Partial<Record<CouponLocale, string>>;
  kind: CouponKind;
  percentOff: number | null;
  amountOff: string;
  maxDiscount: string;
  currencyCode: string;
  minimumSpend: string;
  scope: CouponScope;
  scopeIds: string;
  firstDay: string;
  lastDay: string;
  totalQuantity: number | null;
  perMemberLimit: number | null;
  channels: CouponChannel[];
  tiers: CouponMemberTier[];
  segmentIds: string[];
  combinable: boolean;
  claimable: boolean;
}

/** Input fields the API names, and the form field each error shows under. */
const FIELD_OF: Record<string, string> = { startsAt: 'firstDay', endsAt: 'lastDay', titles: 'titles' };

/** Only the value fields that go with the kind: the API refuses the others (VALUE_NOT_FOR_KIND). */
function toFields(values: CouponDraft): CouponFields {
  const money = (text: string) => (text.trim() ? text.trim() : null);
  return {
    code: values.code.trim() || null,
    title: values.title,
    titles: OTHER_LOCALES.map((locale) => ({ locale, text: values.titles[locale]?.trim() ?? '' })).filter((t) => t.text),
    kind: values.kind,
    ...(values.kind === 'PERCENTAGE' ? { percentOff: values.percentOff } : {}),
    ...(values.kind === 'FIXED_AMOUNT' ? { amountOff: money(values.amountOff) } : { maxDiscount: money(values.maxDiscount) }),
    currencyCode: values.currencyCode as CouponFields['currencyCode'],
    minimumSpend: money(values.minimumSpend),
    scope: values.scope,
    scopeIds: values.scope === 'ALL' ? [] : values.scopeIds.split(/\s+/).filter(Boolean),
    firstDay: values.firstDay,
    lastDay: values.lastDay,
    totalQuantity: values.totalQuantity,
    perMemberLimit: values.perMemberLimit,
    channels: values.channels,
    tiers: values.tiers,
    segmentIds: values.segmentIds,
    combinable: values.combinable,
    claimable: values.claimable,
  };
}

/**
 * The coupon template form: every field, each userError shown under the input it
 * names (the rest above the form), save, and archive after a confirmation.
 */
export function CouponForm({ draft, editable, segments }: { draft: CouponDraft; editable: boolean; segments: { id: string; name: string }[] }) {
  const t = useTranslations('coupons');
  const router = useRouter();
  const { message } = App.useApp();
  const [form] = Form.useForm<CouponDraft>();
  const kind = Form.useWatch('kind', form) ?? draft.kind;
  const scope = Form.useWatch('scope', form) ?? draft.scope;
  const [errors, setErrors] = useState<UserError[]>([]);
  const [busy, setBusy] = useState(false);

  const fieldName = (e: UserError) => {
    const name = e.field?.[1];
    return name ? (FIELD_OF[name] ?? name) : null;
  };
  const errorsOf = (name: string) => errors.filter((e) => fieldName(e) === name).map((e) => t(errorKey(e.code)));
  const item = (name: string) => {
    const messages = errorsOf(name);
    return messages.length ? { validateStatus: 'error' as const, help: messages.join(' ') } : {};
  };
  const known = new Set(Object.keys(draft));
  const loose = errors.filter((e) => !known.has(fieldName(e) ?? '')).map((e) => t(errorKey(e.code)));

  const save = async (values: CouponDraft) => {
    setBusy(true);
    const result = await saveCoupon(draft.id, toFields(values)).finally(() => setBusy(false));
    if (result.ok) {
      setErrors([]);
      void message.success(t('form.saved'));
      router.push(`/coupons/${result.value}`);
      router.refresh();
      return;
    }
    if (result.reason === 'USER_ERRORS') setErrors(result.userErrors);
    else void message.error(t(result.reason === 'FORBIDDEN' ? 'errors.FORBIDDEN' : 'errors.FAILED'));
  };

  const archive = async () => {
    if (!draft.id) return;
    const result = await archiveCoupon(draft.id);
    if (result.ok) {
      void message.success(t('form.archived'));
      router.refresh();
    } else void message.error(t(result.reason === 'USER_ERRORS' ? errorKey(result.userErrors[0]!.code) : 'errors.FAILED'));
  };

  return (
    <Card>
      <FormErrors messages={loose} />
      <Form<CouponDraft> form={form} layout="vertical" initialValues={draft} disabled={!editable} onFinish={save} data-testid="coupon-form">
        <Flex gap={16} wrap>
          <Form.Item name="title" label={t('form.title')} style={{ flex: '1 1 320px' }} {...item('title')}>
            <Input data-testid="coupon-title" />
          </Form.Item>
          <Form.Item name="code" label={t('form.code')} extra={t('form.codeHelp')} style={{ flex: '1 1 200px' }} {...item('code')}>
            <Input data-testid="coupon-code" style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('form.titles')} {...item('titles')}>
          <Flex gap={8} wrap>
            {OTHER_LOCALES.map((locale) => (
              <Form.Item key={locale} name={['titles', locale]} noStyle>
                <Input addonBefore={t(`locale.${locale}`)} dir={locale === 'ar' ? 'rtl' : undefined} style={{ flex: '1 1 260px' }} />
              </Form.Item>
            ))}
          </Flex>
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="kind" label={t('form.kind')} style={{ minWidth: 200 }} {...item('kind')}>
            <Select data-testid="coupon-kind" options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          {kind === 'PERCENTAGE' && (
            <Form.Item name="percentOff" label={t('form.percentOff')} {...item('percentOff')}>
              <InputNumber data-testid="coupon-percent" min={1} max={100} suffix="%" />
            </Form.Item>
          )}
          {kind === 'FIXED_AMOUNT' && (
            <Form.Item name="amountOff" label={t('form.amountOff')} {...item('amountOff')}>
              <Input data-testid="coupon-amount" inputMode="decimal" />
            </Form.Item>
          )}
          {kind !== 'FIXED_AMOUNT' && (
            <Form.Item name="maxDiscount" label={t('form.maxDiscount')} {...item('maxDiscount')}>
              <Input inputMode="decimal" />
            </Form.Item>
          )}
          <Form.Item name="currencyCode" label={t('form.currencyCode')} {...item('currencyCode')}>
            <Select style={{ width: 100 }} options={['THB', 'CNY', 'HKD', 'TWD', 'SAR', 'AED', 'KWD', 'USD', 'JPY'].map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="minimumSpend" label={t('form.minimumSpend')} {...item('minimumSpend')}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="firstDay" label={t('form.startsAt')} {...item('firstDay')}>
            <Input type="date" data-testid="coupon-first-day" />
          </Form.Item>
          <Form.Item name="lastDay" label={t('form.endsAt')} {...item('lastDay')}>
            <Input type="date" data-testid="coupon-last-day" />
          </Form.Item>
          <Form.Item name="totalQuantity" label={t('form.totalQuantity')} {...item('totalQuantity')}>
            <InputNumber min={1} placeholder={t('unlimited')} />
          </Form.Item>
          <Form.Item name="perMemberLimit" label={t('form.perMemberLimit')} {...item('perMemberLimit')}>
            <InputNumber min={1} placeholder={t('unlimited')} />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="scope" label={t('form.scope')} style={{ minWidth: 200 }} {...item('scope')}>
            <Select options={SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))} />
          </Form.Item>
          {scope !== 'ALL' && (
            <Form.Item name="scopeIds" label={t('form.scopeIds')} style={{ flex: '1 1 320px' }} {...item('scopeIds')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item name="channels" label={t('form.channels')} style={{ flex: '1 1 280px' }} {...item('channels')}>
            <Select mode="multiple" placeholder={t('form.any')} options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
          <Form.Item name="tiers" label={t('form.tiers')} style={{ flex: '1 1 220px' }} {...item('tiers')}>
            <Select mode="multiple" placeholder={t('form.any')} options={TIERS.map((c) => ({ value: c, label: t(`tier.${c}`) }))} />
          </Form.Item>
          <Form.Item name="segmentIds" label={t('form.segments')} style={{ flex: '1 1 280px' }} {...item('segmentIds')}>
            <Select mode="multiple" placeholder={t('form.any')} options={segments.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        </Flex>
        <Space size="large">
          <Form.Item name="combinable" valuePropName="checked">
            <Checkbox>{t('form.combinable')}</Checkbox>
          </Form.Item>
          <Form.Item name="claimable" valuePropName="checked">
            <Checkbox>{t('form.claimable')}</Checkbox>
          </Form.Item>
        </Space>
        {editable && (
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="coupon-save">
              {t('form.save')}
            </Button>
            {draft.id && (
              <Popconfirm title={t('form.archiveConfirm')} onConfirm={archive}>
                <Button danger>{t('form.archive')}</Button>
              </Popconfirm>
            )}
          </Flex>
        )}
      </Form>
    </Card>
  );
}

'use client';

import { useState } from 'react';
import { Button, Form, Input, Popconfirm, Space } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { useStepUp } from '@/components/access/step-up';
import { errorKey } from '@/components/members/loyalty/error-keys';
import { FormErrors } from '@/components/shell/form-errors';

import { adjustStoreCredit } from './actions';
import type { CurrencyCode } from './credit.graphql';

interface Values {
  amount: string;
  reason: string;
}

/** Adds or takes store credit (in `currencyCode`) with a reason, after a confirmation naming the change (and a step-up). */
export function StoreCreditAdjustForm({ memberId, currencyCode }: { memberId: string; currencyCode: CurrencyCode }) {
  const t = useTranslations('memberDesk.credit');
  const tl = useTranslations('loyalty');
  const router = useRouter();
  const withStepUp = useStepUp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const amount = Form.useWatch('amount', form);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    const input = { memberId, amount: values.amount.trim(), currencyCode, reason: values.reason.trim() };
    const result = await withStepUp(() => adjustStoreCredit(input)).finally(() => setBusy(false));
    if (result.ok) {
      form.resetFields();
      setErrors([]);
      router.refresh();
      return;
    }
    // The loyalty codes are worded in loyalty.json, in the viewer's language.
    if (result.reason === 'USER_ERRORS') setErrors(result.userErrors.map((e) => tl(errorKey(e.code))));
    else setErrors([tl(result.reason === 'FORBIDDEN' ? 'errors.FORBIDDEN' : 'errors.FAILED')]);
  };

  return (
    <Form form={form} layout="inline" data-testid="store-credit-adjust-form">
      <FormErrors messages={errors} />
      <Space wrap>
        <Form.Item name="amount" label={t('amount', { currency: currencyCode })} rules={[{ required: true, pattern: /^[+-]?\d+(\.\d{1,3})?$/, message: t('amountInvalid') }]}>
          <Input inputMode="decimal" dir="ltr" style={{ width: 140 }} data-testid="store-credit-amount" />
        </Form.Item>
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
          <Input maxLength={500} data-testid="store-credit-reason" />
        </Form.Item>
        <Popconfirm title={t('confirm', { amount: amount ?? '0', currency: currencyCode })} onConfirm={submit} okText={t('submit')}>
          <Button type="primary" loading={busy} data-testid="store-credit-submit">
            {t('submit')}
          </Button>
        </Popconfirm>
      </Space>
    </Form>
  );
}

'use client';

import { useState } from 'react';
import { Button, Form, Input, InputNumber, Popconfirm, Space } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { useStepUp } from '@/components/access/step-up';
import { FormErrors } from '@/components/shell/form-errors';

import { adjustPoints } from './actions';
import { errorKey } from './error-keys';

interface Values {
  delta: number;
  reason: string;
}

/** Adds or takes points with a reason, after a confirmation naming the change (and a step-up when asked). */
export function PointsAdjustForm({ memberId }: { memberId: string }) {
  const t = useTranslations('loyalty');
  const router = useRouter();
  const withStepUp = useStepUp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const delta = Form.useWatch('delta', form);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    const result = await withStepUp(() => adjustPoints({ memberId, delta: values.delta, reason: values.reason })).finally(() => setBusy(false));
    if (result.ok) {
      form.resetFields();
      setErrors([]);
      router.refresh();
      return;
    }
    // Messages come from the code, in the viewer's language, never from the server's English.
    if (result.reason === 'USER_ERRORS') setErrors(result.userErrors.map((e) => t(errorKey(e.code))));
    else setErrors([t(result.reason === 'FORBIDDEN' ? 'errors.FORBIDDEN' : 'errors.FAILED')]);
  };

  return (
    <Form form={form} layout="inline" data-testid="points-adjust-form">
      <FormErrors messages={errors} />
      <Space wrap>
        <Form.Item name="delta" label={t('adjust.delta')} rules={[{ required: true, message: t('adjust.deltaRequired') }]}>
          <InputNumber precision={0} />
        </Form.Item>
        <Form.Item name="reason" label={t('adjust.reason')} rules={[{ required: true, whitespace: true, message: t('adjust.reasonRequired') }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Popconfirm title={t('adjust.confirm', { delta: delta ?? 0 })} onConfirm={submit} okText={t('adjust.submit')}>
          <Button type="primary" loading={busy}>
            {t('adjust.submit')}
          </Button>
        </Popconfirm>
      </Space>
    </Form>
  );
}

'use client';

import { Button, Card, Form, Input, InputNumber, Popconfirm, type ButtonProps } from 'antd';
import { useTranslations } from 'next-intl';

import { saveLoyaltySettings } from '@/app/(console)/members/tiers/actions';
import type { LoyaltySettingsUpdateInput } from '@/app/(console)/members/tiers/tiers.graphql';
import { useMemberAction } from '@/components/members/profile/use-member-action';
import { FormErrors } from '@/components/shell/form-errors';

type Values = { [K in keyof LoyaltySettingsUpdateInput & string]-?: NonNullable<LoyaltySettingsUpdateInput[K]> };

/** The points programme's settings (earning, value, expiry, birthday, win-back), saved together after a confirmation. */
export function LoyaltySettingsForm({ settings, currencyCode, editable }: { settings: Values; currencyCode: string; editable: boolean }) {
  const t = useTranslations('loyalty.settings');
  const [form] = Form.useForm<Values>();
  const { run, busy, errors } = useMemberAction();

  const submit = async () => {
    const values = await form.validateFields();
    await run(() => saveLoyaltySettings({ ...values, earnPer: String(values.earnPer), pointValue: String(values.pointValue) }), form);
  };

  const whole = (name: keyof Values, min: number, max: number) => (
    <Form.Item name={name} label={t(name)} extra={t(`${name}Help`)} rules={[{ required: true, message: t('required') }]}>
      <InputNumber min={min} max={max} precision={0} style={{ width: 160 }} />
    </Form.Item>
  );
  const amount = (name: 'earnPer' | 'pointValue') => (
    <Form.Item name={name} label={t(name)} extra={t(`${name}Help`)} rules={[{ required: true, message: t('required') }]}>
      <Input inputMode="decimal" addonAfter={currencyCode} style={{ width: 200 }} />
    </Form.Item>
  );

  return (
    <Card title={t('title')} style={{ marginBottom: 24 }}>
      <Form form={form} layout="vertical" initialValues={settings} disabled={!editable} data-testid="loyalty-settings-form">
        <FormErrors messages={errors} />
        {whole('earnPoints', 1, 1000)}
        {amount('earnPer')}
        {amount('pointValue')}
        {whole('pointsExpireDays', 1, 3660)}
        {whole('birthdayPoints', 0, 100000)}
        {whole('winBackDays', 1, 3660)}
        {editable ? (
          <Popconfirm title={t('confirm')} onConfirm={submit} okText={t('save')} okButtonProps={{ 'data-testid': 'loyalty-settings-confirm' } as ButtonProps}>
            <Button type="primary" loading={busy} data-testid="loyalty-settings-save">
              {t('save')}
            </Button>
          </Popconfirm>
        ) : null}
      </Form>
    </Card>
  );
}

'use client';

import { Button, Card, Checkbox, Form, Input, InputNumber } from 'antd';
import { useTranslations } from 'next-intl';

import { saveQualitySettings } from '@/app/(console)/quality/actions';
import type { ReturnReasonCode } from '@/app/(console)/quality/quality.graphql';
import { FormErrors } from '@/components/shell/form-errors';

import { useQualityAction } from './use-quality-action';

const REASONS: readonly ReturnReasonCode[] = [
  'QUALITY_DEFECT',
  'WRONG_ITEM',
  'WRONG_SIZE',
  'DAMAGED_IN_TRANSIT',
  'NOT_AS_DESCRIBED',
  'CHANGED_MIND',
  'OTHER',
];

interface Values {
  defectReasonCodes: ReturnReasonCode[];
  rateThresholdPercent: string;
  windowDays: number;
  minUnitsShipped: number;
}

/** The rule that raises quality alerts; read-only without catalog:write. */
export function QualitySettingsForm({ settings, editable }: { settings: Values; editable: boolean }) {
  const t = useTranslations('quality.settings');
  const tr = useTranslations('quality.reason');
  const [form] = Form.useForm<Values>();
  const { run, busy, errors } = useQualityAction();
  const submit = (values: Values) => run(() => saveQualitySettings({ ...values, rateThresholdPercent: String(values.rateThresholdPercent).trim() }), form);
  return (
    <Card title={t('title')} style={{ marginTop: 24 }}>
      <Form form={form} layout="vertical" initialValues={settings} disabled={!editable} onFinish={submit} data-testid="quality-settings-form">
        <FormErrors messages={errors} />
        <Form.Item name="defectReasonCodes" label={t('defectReasonCodes')} extra={t('defectReasonCodesHelp')} rules={[{ required: true, message: t('reasonRequired') }]}>
          <Checkbox.Group options={REASONS.map((code) => ({ value: code, label: tr(code) }))} />
        </Form.Item>
        <Form.Item
          name="rateThresholdPercent"
          label={t('rateThresholdPercent')}
          extra={t('rateThresholdPercentHelp')}
          rules={[{ required: true, pattern: /^\s*\d{1,3}(\.\d{1,2})?\s*$/, message: t('rateInvalid') }]}
        >
          <Input inputMode="decimal" dir="ltr" addonAfter="%" style={{ width: 160 }} data-testid="quality-settings-rate" />
        </Form.Item>
        <Form.Item name="windowDays" label={t('windowDays')} extra={t('windowDaysHelp')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} data-testid="quality-settings-window" />
        </Form.Item>
        <Form.Item name="minUnitsShipped" label={t('minUnitsShipped')} extra={t('minUnitsShippedHelp')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={1} max={1000000} precision={0} style={{ width: 160 }} data-testid="quality-settings-min-units" />
        </Form.Item>
        {editable && (
          <Button type="primary" htmlType="submit" loading={busy} data-testid="quality-settings-save">
            {t('save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

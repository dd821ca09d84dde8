'use client';

import { useState } from 'react';
import { Button, Form, Input, InputNumber, Popconfirm, Select, Table } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { saveTierRules } from '@/app/(console)/members/tiers/actions';
import type { TierRuleRow } from '@/app/(console)/members/tiers/tiers.graphql';
import { FormErrors } from '@/components/shell/form-errors';

import { errorKey } from './error-keys';

/** Every tier's rule as one editable table, saved together after a confirmation. */
export function TierRulesForm({ rules, editable }: { rules: TierRuleRow[]; editable: boolean }) {
  const t = useTranslations('loyalty');
  const router = useRouter();
  const [form] = Form.useForm<{ rules: TierRuleRow[] }>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    const result = await saveTierRules(values.rules.map((rule) => ({ ...rule, threshold: String(rule.threshold) }))).finally(() => setBusy(false));
    if (result.ok) {
      setErrors([]);
      router.refresh();
      return;
    }
    if (result.reason === 'USER_ERRORS') setErrors(result.userErrors.map((e) => t(errorKey(e.code))));
    else setErrors([t(result.reason === 'FORBIDDEN' ? 'errors.FORBIDDEN' : 'errors.FAILED')]);
  };

  const cell = (name: keyof TierRuleRow, index: number, input: React.ReactNode) => (
    <Form.Item name={['rules', index, name]} noStyle rules={[{ required: true }]}>
      {input}
    </Form.Item>
  );

  return (
    <Form form={form} initialValues={{ rules }} disabled={!editable} data-testid="tier-rules-form">
      <FormErrors messages={errors} />
      <Table
        size="small"
        pagination={false}
        rowKey="tier"
        dataSource={rules}
        columns={[
          { key: 'tier', title: t('tiers.tier'), render: (_, rule) => t(`tierNames.${rule.tier}`) },
          {
            key: 'basis',
            title: t('tiers.basis'),
            render: (_, __, i) => cell('basis', i, <Select options={(['SPEND', 'POINTS'] as const).map((b) => ({ value: b, label: t(`tiers.bases.${b}`) }))} />),
          },
          { key: 'threshold', title: t('tiers.threshold'), render: (_, __, i) => cell('threshold', i, <Input inputMode="numeric" />) },
          { key: 'windowDays', title: t('tiers.windowDays'), render: (_, __, i) => cell('windowDays', i, <InputNumber min={1} max={3660} precision={0} />) },
          { key: 'multiplierBp', title: t('tiers.multiplierBp'), render: (_, __, i) => cell('multiplierBp', i, <InputNumber min={1} max={100000} precision={0} />) },
          { key: 'benefits', title: t('tiers.benefits'), render: (_, __, i) => (
            <Form.Item name={['rules', i, 'benefits']} noStyle>
              <Input maxLength={2000} />
            </Form.Item>
          ) },
        ]}
      />
      <Form.Item name={['rules']} hidden />
      {editable ? (
        <Popconfirm title={t('tiers.confirm')} onConfirm={submit} okText={t('tiers.save')}>
          <Button type="primary" loading={busy} style={{ marginTop: 16 }}>
            {t('tiers.save')}
          </Button>
        </Popconfirm>
      ) : null}
    </Form>
  );
}

'use client';

import { useState } from 'react';
import { App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { createSchedule } from '@/app/(console)/reports/saved/[id]/actions';
import { FormErrors } from '@/components/shell/form-errors';
import type { ReportDeliveryMethod, ReportFileFormat, ReportScheduleFrequency } from '@/gql/graphql';

import { useReportFeedback } from './report-feedback';

interface ScheduleFields {
  frequency: ReportScheduleFrequency;
  at: string;
  delivery: ReportDeliveryMethod;
  target: string;
  format: ReportFileFormat;
}

const frequencies: ReportScheduleFrequency[] = ['DAILY', 'WEEKLY', 'MONTHLY'];
const deliveries: ReportDeliveryMethod[] = ['EMAIL', 'FILE_DROP', 'WEBHOOK'];
const fileFormats: ReportFileFormat[] = ['CSV', 'XLSX'];

/** A new delivery schedule for a saved report: how often, at what shop time, how and where, in which file format. */
export function ScheduleForm({ savedReportId }: { savedReportId: string }) {
  const t = useTranslations('reportSchedules');
  const { message } = App.useApp();
  const router = useRouter();
  const { report } = useReportFeedback();
  const [form] = Form.useForm<ScheduleFields>();
  const delivery = Form.useWatch('delivery', form) ?? 'EMAIL';
  const [loose, setLoose] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(fields: ScheduleFields) {
    setBusy(true);
    const result = await createSchedule({ savedReportId, ...fields }).finally(() => setBusy(false));
    setLoose(report(result, form));
    if (!result.ok) return;
    form.resetFields();
    void message.success(t('created'));
    router.refresh();
  }

  return (
    <Card title={t('add')}>
      <FormErrors messages={loose} />
      <Form<ScheduleFields>
        form={form}
        layout="vertical"
        initialValues={{ frequency: 'WEEKLY', at: '08:00', delivery: 'EMAIL', format: 'XLSX' }}
        onFinish={submit}
        data-testid="schedule-form"
      >
        <Space wrap align="start">
          <Form.Item name="frequency" label={t('frequency')}>
            <Select style={{ minWidth: 140 }} options={frequencies.map((value) => ({ value, label: t(`frequencies.${value}`) }))} />
          </Form.Item>
          <Form.Item name="at" label={t('at')} rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('atInvalid') }]}>
            <Input type="time" dir="ltr" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="delivery" label={t('delivery')}>
            <Select style={{ minWidth: 160 }} options={deliveries.map((value) => ({ value, label: t(`deliveries.${value}`) }))} />
          </Form.Item>
          <Form.Item name="target" label={t(`targets.${delivery}`)} rules={[{ required: true, whitespace: true, message: t('targetRequired') }]}>
            <Input dir="ltr" style={{ minWidth: 260 }} data-testid="schedule-target" />
          </Form.Item>
          <Form.Item name="format" label={t('format')}>
            <Select style={{ minWidth: 100 }} options={fileFormats.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="schedule-create">
          {t('create')}
        </Button>
      </Form>
    </Card>
  );
}

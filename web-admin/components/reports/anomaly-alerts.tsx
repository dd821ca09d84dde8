'use client';

import { useState } from 'react';
import Link from 'next/link';
import { App, Button, Flex, Form, Input, Modal, Segmented, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { acknowledgeAnomalyAlert } from '@/app/(console)/reports/alerts/actions';
import { FormErrors } from '@/components/shell/form-errors';
import type { AnomalyAlertStatus, AnomalyDirection, ReportMetric } from '@/gql/graphql';

import { useReportFeedback } from './report-feedback';

/** An alert with its figures and dates already in the viewer's words (shop calendar). */
export interface AnomalyAlertRow {
  id: string;
  metric: ReportMetric;
  day: string;
  value: string;
  baseline: string;
  deviation: string;
  direction: AnomalyDirection;
  status: AnomalyAlertStatus;
  raisedAt: string;
  acknowledgedAt: string | null;
  note: string | null;
}

export type AlertStatusFilter = AnomalyAlertStatus | 'ALL';

/** Acknowledging one alert, with a note on what was found. */
function AcknowledgeDialog({ alert, onClose }: { alert: AnomalyAlertRow | null; onClose: () => void }) {
  const t = useTranslations('anomalyAlerts');
  const enums = useTranslations('reportEnums');
  const { message } = App.useApp();
  const router = useRouter();
  const { report } = useReportFeedback();
  const [form] = Form.useForm<{ note?: string }>();
  const [loose, setLoose] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit({ note }: { note?: string }) {
    if (!alert) return;
    setBusy(true);
    const result = await acknowledgeAnomalyAlert(alert.id, note ?? '').finally(() => setBusy(false));
    setLoose(report(result, form));
    if (!result.ok) return;
    form.resetFields();
    void message.success(t('acknowledged'));
    onClose();
    router.refresh();
  }

  return (
    <Modal
      open={alert !== null}
      title={alert ? t('acknowledgeTitle', { metric: enums(`metric.${alert.metric}`), day: alert.day }) : ''}
      okText={t('acknowledge')}
      okButtonProps={{ htmlType: 'submit', form: 'anomaly-acknowledge-form', loading: busy, 'data-testid': 'anomaly-acknowledge-submit' } as ButtonProps}
      onCancel={() => {
        setLoose([]);
        onClose();
      }}
      forceRender
    >
      <FormErrors messages={loose} />
      <Form form={form} id="anomaly-acknowledge-form" layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t('note')} rules={[{ max: 1000, message: t('noteTooLong') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="anomaly-acknowledge-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Anomaly alerts by status, newest first: the metric, the day, its value against the baseline; acknowledge with a note. */
export function AnomalyAlerts({
  rows,
  status,
  nextHref,
  canAcknowledge,
}: {
  rows: AnomalyAlertRow[];
  status: AlertStatusFilter;
  nextHref: string | null;
  canAcknowledge: boolean;
}) {
  const t = useTranslations('anomalyAlerts');
  const enums = useTranslations('reportEnums');
  const router = useRouter();
  const [acknowledging, setAcknowledging] = useState<AnomalyAlertRow | null>(null);
  const statuses: AlertStatusFilter[] = ['OPEN', 'ACKNOWLEDGED', 'ALL'];
  return (
    <Flex vertical gap={16}>
      <Segmented<AlertStatusFilter>
        value={status}
        onChange={(value) => router.push(`/reports/alerts?status=${value}`)}
        options={statuses.map((value) => ({ value, label: t(`status.${value}`) }))}
      />
      <Table<AnomalyAlertRow>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('empty') }}
        onRow={(row) => ({ 'data-testid': 'anomaly-alert-row', 'data-status': row.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'metric', title: t('metric'), render: (_, row) => enums(`metric.${row.metric}`) },
          { key: 'day', title: t('day'), dataIndex: 'day' },
          {
            key: 'direction',
            title: t('direction'),
            render: (_, row) => <Tag color={row.direction === 'DROP' ? 'red' : 'orange'}>{t(`directions.${row.direction}`)}</Tag>,
          },
          { key: 'value', title: t('value'), align: 'end', dataIndex: 'value' },
          { key: 'baseline', title: t('baseline'), align: 'end', dataIndex: 'baseline' },
          { key: 'deviation', title: t('deviation'), align: 'end', dataIndex: 'deviation' },
          { key: 'raised', title: t('raisedAt'), dataIndex: 'raisedAt' },
          {
            key: 'handled',
            title: t('handled'),
            render: (_, row) =>
              row.status === 'OPEN' ? (
                canAcknowledge && (
                  <Button size="small" onClick={() => setAcknowledging(row)} data-testid="anomaly-acknowledge">
                    {t('acknowledge')}
                  </Button>
                )
              ) : (
                <Flex vertical gap={2}>
                  <Typography.Text>{t('acknowledgedAt', { at: row.acknowledgedAt ?? '' })}</Typography.Text>
                  {row.note && <Typography.Text type="secondary">{row.note}</Typography.Text>}
                </Flex>
              ),
          },
        ]}
      />
      {nextHref && <Link href={nextHref}>{t('more')}</Link>}
      {canAcknowledge && <AcknowledgeDialog alert={acknowledging} onClose={() => setAcknowledging(null)} />}
    </Flex>
  );
}

'use client';

import { App, Button, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { deleteSchedule, setScheduleEnabled } from '@/app/(console)/reports/saved/[id]/actions';
import type { ReportDeliveryMethod, ReportFileFormat, ReportScheduleFrequency } from '@/gql/graphql';

import { useReportFeedback } from './report-feedback';

/** A schedule with its dates already in the viewer's words, on the shop's calendar. */
export interface ScheduleRow {
  id: string;
  frequency: ReportScheduleFrequency;
  at: string;
  delivery: ReportDeliveryMethod;
  target: string;
  format: ReportFileFormat;
  enabled: boolean;
  nextRun: string;
  lastDelivered: string | null;
}

/** A saved report's schedules: pause or resume, delete. */
export function SchedulesTable({ savedReportId, rows }: { savedReportId: string; rows: ScheduleRow[] }) {
  const t = useTranslations('reportSchedules');
  const { message } = App.useApp();
  const router = useRouter();
  const { report } = useReportFeedback();

  async function act(run: () => ReturnType<typeof deleteSchedule>, done: string) {
    const result = await run();
    report(result);
    if (!result.ok) return;
    void message.success(done);
    router.refresh();
  }

  return (
    <Table<ScheduleRow>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      data-testid="schedules"
      locale={{ emptyText: t('empty') }}
      scroll={{ x: true }}
      columns={[
        { key: 'frequency', title: t('frequency'), render: (_, row) => t(`frequencies.${row.frequency}`) },
        { key: 'at', title: t('at'), render: (_, row) => <bdi dir="ltr">{row.at}</bdi> },
        {
          key: 'delivery',
          title: t('delivery'),
          render: (_, row) => (
            <Space size={4} wrap>
              <Tag>{t(`deliveries.${row.delivery}`)}</Tag>
              <bdi dir="ltr">{row.target}</bdi>
            </Space>
          ),
        },
        { key: 'format', title: t('format'), dataIndex: 'format' },
        { key: 'next', title: t('nextRun'), dataIndex: 'nextRun' },
        { key: 'last', title: t('lastDelivered'), render: (_, row) => row.lastDelivered ?? '–' },
        {
          key: 'enabled',
          title: t('enabled'),
          render: (_, row) => (
            <Switch
              checked={row.enabled}
              aria-label={t('enabled')}
              onChange={(enabled) => act(() => setScheduleEnabled(savedReportId, row.id, enabled), enabled ? t('resumed') : t('paused'))}
            />
          ),
        },
        {
          key: 'actions',
          title: '',
          render: (_, row) => (
            <Popconfirm title={t('deleteConfirm')} onConfirm={() => act(() => deleteSchedule(savedReportId, row.id), t('deleted'))}>
              <Button type="link" danger>
                {t('delete')}
              </Button>
            </Popconfirm>
          ),
        },
      ]}
    />
  );
}

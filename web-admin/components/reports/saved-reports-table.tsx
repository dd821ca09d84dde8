'use client';

import Link from 'next/link';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

import { deleteSavedReport } from '@/app/(console)/reports/actions';

import { ExportButtons } from './export-buttons';
import { useReportFeedback } from './report-feedback';

export interface SavedReportRow {
  id: string;
  name: string;
  sharedWithRoles: string[];
  /** Formatted on the server, in the shop's time zone. */
  updated: string;
}

/** Saved reports the viewer may open: open in the builder, export, schedule and delete (the last two with reports:write). */
export function SavedReportsTable({ rows, canWrite }: { rows: SavedReportRow[]; canWrite: boolean }) {
  const t = useTranslations('savedReports');
  const { message } = App.useApp();
  const router = useRouter();
  const { report } = useReportFeedback();

  async function remove(id: string) {
    const result = await deleteSavedReport(id);
    report(result);
    if (!result.ok) return;
    void message.success(t('deleted'));
    router.refresh();
  }

  return (
    <Table<SavedReportRow>
      rowKey="id"
      dataSource={rows}
      pagination={false}
      data-testid="saved-reports"
      locale={{ emptyText: t('empty') }}
      scroll={{ x: true }}
      columns={[
        {
          key: 'name',
          title: t('name'),
          render: (_, row) => (
            <Link href={`/reports?saved=${encodeURIComponent(row.id)}`} data-testid="saved-report-open">
              <bdi>{row.name}</bdi>
            </Link>
          ),
        },
        { key: 'shared', title: t('shared'), render: (_, row) => row.sharedWithRoles.map((role) => <Tag key={role}>{role}</Tag>) },
        { key: 'updated', title: t('updated'), dataIndex: 'updated' },
        {
          key: 'actions',
          title: t('actions'),
          render: (_, row) => (
            <Space wrap>
              <ExportButtons source={() => ({ savedReportId: row.id })} />
              {canWrite && (
                <Link href={`/reports/saved/${encodeURIComponent(row.id)}`} data-testid="saved-report-schedules">
                  {t('schedules')}
                </Link>
              )}
              {canWrite && (
                <Popconfirm title={t('deleteConfirm')} onConfirm={() => remove(row.id)}>
                  <Button type="link" danger>
                    {t('delete')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

'use client';

import { useState } from 'react';
import { Button, Progress, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslations } from 'next-intl';

import { exportState, startExport, type ExportState } from '@/app/(console)/reports/actions';
import type { ReportExportInput, ReportFileFormat } from '@/gql/graphql';

import { useReportFeedback } from './report-feedback';

const pollMs = 800;
const formats: ReportFileFormat[] = ['CSV', 'XLSX'];

/**
 * Export buttons: the worker writes the file while a progress bar follows it, then a
 * download link (served through the console, which asks the gateway for the signed link).
 * `source` gives a saved report's id or the builder's current query (null: nothing to export).
 */
export function ExportButtons({ source }: { source: () => Omit<ReportExportInput, 'format'> | null }) {
  const t = useTranslations('savedReports.export');
  const { report } = useReportFeedback();
  const [job, setJob] = useState<ExportState | null>(null);
  const running = job?.status === 'QUEUED' || job?.status === 'RUNNING';

  async function follow(state: ExportState) {
    setJob(state);
    let current: ExportState | null = state;
    while (current && (current.status === 'QUEUED' || current.status === 'RUNNING')) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      current = await exportState(state.id);
      if (current) setJob(current);
    }
  }

  async function start(format: ReportFileFormat) {
    const input = source();
    if (!input) return;
    const result = await startExport({ ...input, format });
    report(result);
    if (result.ok) await follow(result.value);
  }

  return (
    <Space wrap>
      {formats.map((format) => (
        <Button key={format} disabled={running} onClick={() => start(format)} data-testid={`export-${format}`}>
          {t(format)}
        </Button>
      ))}
      {running && (
        <Space data-testid="export-progress">
          <Typography.Text type="secondary">{t('preparing')}</Typography.Text>
          <Progress percent={Math.round((job?.progress ?? 0) * 100)} size="small" style={{ width: 120 }} />
        </Space>
      )}
      {job?.status === 'DONE' && (
        <Button type="link" icon={<DownloadOutlined />} href={`/reports/exports/${encodeURIComponent(job.id)}`} download data-testid="export-download">
          {t('download')}
        </Button>
      )}
      {job?.status === 'FAILED' && <Typography.Text type="danger">{t('failed')}</Typography.Text>}
    </Space>
  );
}

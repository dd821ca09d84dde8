'use client';

import { useEffect, useState, type HTMLAttributes } from 'react';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Statistic, Table, Typography } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { batchRun } from '@/app/(console)/orders/batch-actions';
import type { BatchRun } from '@/app/(console)/orders/batch.graphql';
import { consoleDocumentPath } from '@/components/documents/document-kinds';
import { formatNumber } from '@/lib/format';

/** How often a running batch is asked for its progress. */
const POLL_MS = 500;

type ReportRow = BatchRun['report'][number];

const isRunning = (run: BatchRun) => run.status === 'QUEUED' || run.status === 'RUNNING';

/** Follows a run until it ends; `onEnd` once it has (the list refreshes then). */
export function useBatchRun(initial: BatchRun, onEnd: (run: BatchRun) => void): BatchRun {
  const [run, setRun] = useState(initial);
  const running = isRunning(run);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const next = await batchRun(run.id);
      if (!next) return;
      setRun(next);
      if (!isRunning(next)) onEnd(next);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, run.id, onEnd]);
  return run;
}

/** A report row's reason in the reader's language, from its code and params. */
function useReason() {
  const t = useTranslations('batch');
  const orders = useTranslations('orders');
  return (row: ReportRow) => {
    const params = Object.fromEntries(row.params.map((p) => [p.name, p.value]));
    if (params.status) params.status = orders.has(`status.${params.status}`) ? orders(`status.${params.status}`) : params.status;
    return t(`report.codes.${row.code}`, params);
  };
}

/** A run: progress while it works, then its counts, the refused rows and an export's download or a print's PDF. */
export function BatchRunCard({ run, extra }: { run: BatchRun; extra?: React.ReactNode }) {
  const t = useTranslations('batch');
  const td = useTranslations('documents');
  const locale = useLocale();
  const reason = useReason();
  const running = isRunning(run);
  const fileName = run.downloadUrl?.split('/').pop();
  return (
    <Card
      size="small"
      title={t(`kind.${run.kind}`) + (run.dryRun ? ` · ${t('dryRun')}` : '')}
      data-testid="batch-run"
      data-status={run.status}
      data-kind={run.kind}
      extra={extra}
    >
      <Flex vertical gap={12}>
        <Progress
          percent={Math.floor(run.progress * 100)}
          status={run.status === 'FAILED' ? 'exception' : running ? 'active' : 'success'}
          data-testid="batch-progress"
        />
        <Flex wrap gap={32}>
          {(
            [
              ['total', run.total],
              ['done', run.done],
              ['failed', run.failed],
            ] as const
          ).map(([key, value]) => (
            <Statistic key={key} title={t(`counts.${key}`)} value={value} formatter={(v) => <span data-testid={`batch-${key}`}>{formatNumber(Number(v), locale)}</span>} />
          ))}
        </Flex>
        {run.status === 'FAILED' && <Alert type="error" showIcon message={t('failed')} />}
        {!running && run.status === 'SUCCEEDED' && !run.report.length && <Alert type="success" showIcon message={t(run.dryRun ? 'report.cleanDryRun' : 'report.clean')} />}
        {run.report.length > 0 && (
          <Table<ReportRow>
            size="small"
            rowKey={(row) => `${row.row ?? ''}:${row.orderNumber ?? ''}:${row.code}`}
            dataSource={run.report}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            onRow={(row) => ({ 'data-testid': 'batch-report-row', 'data-row': row.row, 'data-code': row.code }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('report.row'), dataIndex: 'row', width: 80, render: (row: number | null) => (row === null ? '—' : formatNumber(row, locale)) },
              { title: t('report.order'), dataIndex: 'orderNumber', width: 140, render: (n: string | null) => n ?? '—' },
              { title: t('report.reason'), key: 'reason', render: (_, row) => <Typography.Text>{reason(row)}</Typography.Text> },
            ]}
          />
        )}
        {run.downloadUrl && run.kind === 'PRINT' && (
          <Button type="primary" icon={<PrinterOutlined />} href={consoleDocumentPath(run.downloadUrl)} target="_blank" data-testid="batch-print-open">
            {td('openPdf')}
          </Button>
        )}
        {run.downloadUrl && run.kind === 'EXPORT' && fileName && (
          <Button type="primary" icon={<DownloadOutlined />} href={`/orders/exports/${fileName}`} download data-testid="batch-download">
            {t('download', { format: run.format ?? '' })}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

'use client';

import { useEffect, useState, type HTMLAttributes } from 'react';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Radio, Result, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { useLocale, useTranslations } from 'next-intl';

import { importJob, previewImport, startImport } from '@/app/(console)/products/import/actions';
import type { ImportIssue, ImportJob, ImportMode, ImportPreview } from '@/app/(console)/products/import/import.graphql';
import { useMounted } from '@/components/shell/use-mounted';
import { formatNumber } from '@/lib/format';

/** How often the running job is asked for its progress. */
const POLL_MS = 500;

type Stage =
  | { step: 'upload' }
  | { step: 'report'; uploadId: string; fileName: string; preview: ImportPreview }
  | { step: 'run'; job: ImportJob };

const issueRow = (issue: ImportIssue): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': 'import-issue', 'data-row': issue.row, 'data-code': issue.code }) as HTMLAttributes<HTMLElement>;

function IssueTable({ issues, total }: { issues: ImportIssue[]; total: number }) {
  const t = useTranslations('bulk');
  const locale = useLocale();
  return (
    <>
      {total > issues.length && (
        <Typography.Text type="secondary">{t('issues.firstOf', { shown: formatNumber(issues.length, locale), total: formatNumber(total, locale) })}</Typography.Text>
      )}
      <Table<ImportIssue>
        size="small"
        rowKey={(issue) => `${issue.row}:${issue.column}:${issue.code}`}
        dataSource={issues}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={issueRow}
        columns={[
          { title: t('issues.row'), dataIndex: 'row', width: 80, render: (row: number) => formatNumber(row, locale) },
          { title: t('issues.column'), dataIndex: 'column', width: 160, render: (column: string | null) => column ?? '—' },
          { title: t('issues.code'), dataIndex: 'code', width: 200, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
          { title: t('issues.message'), dataIndex: 'message' },
        ]}
      />
    </>
  );
}

function Counts({ items }: { items: [string, number, string][] }) {
  const locale = useLocale();
  return (
    <Flex wrap gap={32}>
      {items.map(([title, value, testId]) => (
        <Statistic key={testId} title={title} value={value} formatter={(v) => <span data-testid={testId}>{formatNumber(Number(v), locale)}</span>} />
      ))}
    </Flex>
  );
}

/** Upload → dry-run report → run with a progress bar → result with the error report. */
export function ImportWizard() {
  const t = useTranslations('bulk');
  const [stage, setStage] = useState<Stage>({ step: 'upload' });
  const [mode, setMode] = useState<ImportMode>('SKIP_INVALID_ROWS');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Marks the upload box ready once hydrated: a file picked before that reaches no handler.
  const mounted = useMounted();

  const running = stage.step === 'run' && (stage.job.status === 'QUEUED' || stage.job.status === 'RUNNING');
  const jobId = stage.step === 'run' ? stage.job.id : null;
  useEffect(() => {
    if (!running || !jobId) return;
    const timer = setInterval(async () => {
      const job = await importJob(jobId);
      if (job) setStage({ step: 'run', job });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, jobId]);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/products/import/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file });
      const body = (await response.json().catch(() => ({}))) as { uploadId?: string; error?: string };
      if (!response.ok || !body.uploadId) return setError(response.status === 413 ? t('errors.tooLarge') : (body.error ?? t('errors.upload')));
      const preview = await previewImport(body.uploadId);
      if (!preview.ok) return setError(preview.message || t('errors.preview'));
      setStage({ step: 'report', uploadId: body.uploadId, fileName: file.name, preview: preview.value });
    } finally {
      setBusy(false);
    }
  };

  const run = async (uploadId: string) => {
    setBusy(true);
    setError(null);
    const started = await startImport(uploadId, mode);
    setBusy(false);
    if (started.ok) setStage({ step: 'run', job: started.value });
    else if (started.reason === 'USER_ERRORS') setError(started.userErrors.map((e) => e.message).join(' '));
    else setError(started.message ?? t('errors.start'));
  };

  const current = stage.step === 'upload' ? 0 : stage.step === 'report' ? 1 : running ? 2 : 3;
  return (
    <Flex vertical gap={16}>
      <Steps current={current} items={[{ title: t('steps.upload') }, { title: t('steps.report') }, { title: t('steps.run') }, { title: t('steps.result') }]} />
      {error && <Alert type="error" showIcon message={error} data-testid="import-error" />}

      {stage.step === 'upload' && (
        <Card data-testid="import-upload" data-ready={mounted}>
          <Upload.Dragger
            accept=".csv,text/csv"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{busy ? t('upload.checking') : t('upload.prompt')}</p>
            <p className="ant-upload-hint">{t('upload.hint')}</p>
          </Upload.Dragger>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {t('upload.columns')} <Typography.Text code>handle, title, status, description, brand, tags, option1_name, option1_value … option3_value, sku, barcode, weight_grams, price, compare_at_price, cost_price, currency</Typography.Text>
          </Typography.Paragraph>
        </Card>
      )}

      {stage.step === 'report' && (
        <Card title={t('report.title', { file: stage.fileName })} data-testid="import-report">
          <Flex vertical gap={16}>
            <Counts
              items={[
                [t('counts.rows'), stage.preview.rows, 'count-rows'],
                [t('counts.valid'), stage.preview.valid, 'count-valid'],
                [t('counts.invalid'), stage.preview.invalid, 'count-invalid'],
                [t('counts.toCreate'), stage.preview.toCreate, 'count-to-create'],
                [t('counts.toUpdate'), stage.preview.toUpdate, 'count-to-update'],
                [t('counts.unchanged'), stage.preview.unchanged, 'count-unchanged'],
              ]}
            />
            {stage.preview.issueCount ? (
              <IssueTable issues={stage.preview.issues} total={stage.preview.issueCount} />
            ) : (
              <Alert type="success" showIcon message={t('report.clean')} />
            )}
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} data-testid="import-mode">
              <Flex vertical gap={8}>
                <Radio value="SKIP_INVALID_ROWS">{t('mode.SKIP_INVALID_ROWS')}</Radio>
                <Radio value="ALL_OR_NOTHING">{t('mode.ALL_OR_NOTHING')}</Radio>
              </Flex>
            </Radio.Group>
            <Flex gap={8}>
              <Button type="primary" loading={busy} onClick={() => run(stage.uploadId)} data-testid="import-run">
                {t('report.run')}
              </Button>
              <Button onClick={() => setStage({ step: 'upload' })}>{t('report.another')}</Button>
            </Flex>
          </Flex>
        </Card>
      )}

      {stage.step === 'run' && (
        <Card data-testid="import-job" data-status={stage.job.status}>
          <Flex vertical gap={16}>
            <Progress
              percent={Math.floor(stage.job.progress * 100)}
              status={stage.job.status === 'FAILED' ? 'exception' : running ? 'active' : 'success'}
              data-testid="import-progress"
            />
            {!running && (
              <Result
                status={stage.job.status === 'SUCCEEDED' ? 'success' : 'error'}
                title={t(`result.${stage.job.status === 'SUCCEEDED' ? 'succeeded' : 'failed'}`)}
                subTitle={stage.job.message ?? undefined}
              />
            )}
            <Counts
              items={[
                [t('counts.processed'), stage.job.processed, 'count-processed'],
                [t('counts.created'), stage.job.created, 'count-created'],
                [t('counts.updated'), stage.job.updated, 'count-updated'],
                [t('counts.unchanged'), stage.job.unchanged, 'count-unchanged'],
                [t('counts.invalid'), stage.job.invalid, 'count-invalid'],
              ]}
            />
            {!running && stage.job.errorCount > 0 && (
              <>
                <IssueTable issues={stage.job.errors} total={stage.job.errorCount} />
                <Button href={`/products/import/jobs/${stage.job.id}/errors`} download data-testid="import-error-report">
                  {t('result.download')}
                </Button>
              </>
            )}
            {!running && (
              <Button onClick={() => setStage({ step: 'upload' })} data-testid="import-again">
                {t('result.again')}
              </Button>
            )}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}

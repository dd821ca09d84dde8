'use client';

import { useCallback, type ReactNode } from 'react';
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown, Flex, Spin } from 'antd';
import { useTranslations } from 'next-intl';

import type { BatchRun } from '@/app/(console)/orders/batch.graphql';
import { useBatchRun } from '@/components/orders/batch/batch-run-card';

import { consoleDocumentPath, DOCUMENT_KINDS } from './document-kinds';

const previewHref = (orderId: string, kind: string) => `/orders/${encodeURIComponent(orderId)}/print?kind=${kind}`;

/** "Print" on an order: a label, packing slip or tax invoice, each opening the print preview; the header's other controls follow. */
export function PrintButtons({ orderId, children }: { orderId: string; children?: ReactNode }) {
  const t = useTranslations('documents');
  return (
    <Flex gap={8}>
      <Dropdown
        menu={{
          items: DOCUMENT_KINDS.map(({ kind, key }) => ({
            key: kind,
            label: (
              <a href={previewHref(orderId, kind)} data-testid={`order-print-${kind}`}>
                {t(key)}
              </a>
            ),
          })),
        }}
      >
        <Button icon={<PrinterOutlined />} data-testid="order-print">
          {t('print')}
        </Button>
      </Dropdown>
      {children}
    </Flex>
  );
}

/** The print's run followed until it ends: the console's route to its PDF then, or null while it renders (or if it failed). */
function usePrintedPdf(run: BatchRun): { src: string | null; failed: boolean } {
  const current = useBatchRun(run, useCallback(() => {}, []));
  return { src: current.downloadUrl ? consoleDocumentPath(current.downloadUrl) : null, failed: current.status === 'FAILED' };
}

/** The PDF in a frame once its run has rendered it, with a button to open it in its own tab. */
function PrintedPdf({ run, title }: { run: BatchRun; title: string }) {
  const t = useTranslations('documents');
  const { src, failed } = usePrintedPdf(run);
  if (failed) return <Alert type="error" showIcon message={t('errors.UNKNOWN')} data-testid="print-error" />;
  if (!src) return <Spin tip={t('rendering')} data-testid="print-rendering"><div style={{ height: 120 }} /></Spin>;
  return (
    <Flex vertical gap={16}>
      <Flex justify="end">
        <Button type="primary" icon={<PrinterOutlined />} href={src} target="_blank" data-testid="print-open">
          {t('openPdf')}
        </Button>
      </Flex>
      <iframe src={src} title={title} data-testid="print-preview" style={{ width: '100%', height: '80vh', border: '1px solid #d9d9d9', borderRadius: 8 }} />
    </Flex>
  );
}

/**
 * The print preview: the document kinds to switch between, then the PDF once its run has rendered it
 * (or why it could not be printed).
 */
export function PrintPreview({
  orderId,
  kind,
  run,
  error,
}: {
  orderId: string;
  kind: string;
  /** The print's run, or null when the print was refused. */
  run: BatchRun | null;
  /** The translated reason the print was refused. */
  error: string | null;
}) {
  const t = useTranslations('documents');
  const current = DOCUMENT_KINDS.find((d) => d.kind === kind) ?? DOCUMENT_KINDS[0]!;
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap role="group" aria-label={t('print')}>
          {DOCUMENT_KINDS.map((d) => (
            <Button key={d.kind} type={d.kind === current.kind ? 'primary' : 'default'} href={previewHref(orderId, d.kind)} data-testid={`print-kind-${d.kind}`}>
              {t(d.key)}
            </Button>
          ))}
        </Flex>
        <Button href={`/orders/${encodeURIComponent(orderId)}`}>{t('back')}</Button>
      </Flex>
      {error && <Alert type="error" showIcon message={error} data-testid="print-error" />}
      {run && <PrintedPdf run={run} title={t(current.key)} />}
    </Flex>
  );
}
